import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { Logger } from '@nestjs/common';
import { normalizeText } from '@dossiers/domain';
import {
  EventStoreDbEventStore,
  SqliteEventStore,
  type EventStore,
  type SqliteEventStoreOptions,
} from '@dossiers/event-store';
import { MongoReadStore, SqliteReadStore, type ReadStore } from '@dossiers/read-store';
import { RedisIdempotencyStore, SqliteIdempotencyStore, type IdempotencyStore } from '@dossiers/idempotency';
import { GridFsBlobStore, LocalDiskBlobStore, type BlobStore } from '@dossiers/blob-store';
import type { AppConfig } from '../config/app-config';

/**
 * The one place where adapters are chosen: a production engine when its URL is set, the embedded
 * SQLite default (files under DATA_DIR) otherwise.
 */
export function createEventStore(
  config: AppConfig,
  { onGroupCommit, autoCheckpoint }: Pick<SqliteEventStoreOptions, 'onGroupCommit' | 'autoCheckpoint'> = {},
): EventStore {
  const logger = new Logger('EventStore');
  if (config.eventStoreUrl) return new EventStoreDbEventStore(config.eventStoreUrl, { logger });
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteEventStore({
    filename: join(config.dataDir, 'events.db'),
    synchronous: config.sqliteSynchronous,
    logger,
    onGroupCommit,
    // false only where a WalCheckpointer checkpoints the file (InfrastructureModule)
    autoCheckpoint,
  });
}

/** `$contains` folds its needle with the domain's text key, the one projections store search fields under. */
export async function createReadStore(
  config: AppConfig,
  { autoCheckpoint }: { autoCheckpoint?: boolean } = {},
): Promise<ReadStore> {
  if (config.mongoUrl)
    return new MongoReadStore({ url: config.mongoUrl, databaseName: config.mongoDb, normalizeText });
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteReadStore({
    filename: join(config.dataDir, 'read-models.db'),
    normalizeText,
    autoCheckpoint,
  });
}

/** The SQLite files of the embedded stores, for a WalCheckpointer (their stores made with `autoCheckpoint: false`). */
export function embeddedDatabases(config: AppConfig): string[] {
  return [
    ...(config.eventStoreUrl ? [] : [join(config.dataDir, 'events.db')]),
    ...(config.mongoUrl ? [] : [join(config.dataDir, 'read-models.db')]),
  ];
}

/** A read store to throw away: `dispose` closes it and deletes it (idempotent). */
export interface ScratchReadStore {
  store: ReadStore;
  /** where it lives, for messages */
  description: string;
  dispose(): Promise<void>;
}

/**
 * An empty read store on the same engine as the live one (npm run verify-projections rebuilds into
 * it): a SQLite file in a new temporary directory, or a database of its own, uniquely named, on the
 * MongoDB server of MONGO_URL.
 */
export function createScratchReadStore(config: AppConfig): ScratchReadStore {
  const once = (dispose: () => Promise<void>) => {
    let disposed: Promise<void> | undefined;
    return () => (disposed ??= dispose());
  };
  if (config.mongoUrl) {
    const url = config.mongoUrl;
    // MongoDB database names stay under 64 bytes.
    const databaseName = `${config.mongoDb.slice(0, 32)}-scratch-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    const store = new MongoReadStore({ url, databaseName, normalizeText });
    const dispose = once(async () => {
      await store.close();
      const client = new MongoClient(url);
      try {
        await client.db(databaseName).dropDatabase();
      } finally {
        await client.close();
      }
    });
    return { store, description: `MongoDB database ${databaseName}`, dispose };
  }
  const dir = mkdtempSync(join(tmpdir(), 'dossiers-scratch-'));
  const filename = join(dir, 'read-models.db');
  const store = new SqliteReadStore({ filename, normalizeText });
  const dispose = once(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { store, description: `SQLite (${filename})`, dispose };
}

export function createIdempotencyStore(config: AppConfig): IdempotencyStore {
  if (config.redisUrl) return new RedisIdempotencyStore(config.redisUrl);
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteIdempotencyStore(join(config.dataDir, 'idempotency.db'));
}

/** Uploaded files' bytes: GridFS beside the read models when MONGO_URL is set, DATA_DIR/blobs otherwise. */
export function createBlobStore(config: AppConfig): BlobStore {
  if (config.mongoUrl) return new GridFsBlobStore({ url: config.mongoUrl, databaseName: config.mongoDb });
  return new LocalDiskBlobStore(join(config.dataDir, 'blobs'));
}

export function describeEngines(config: AppConfig): Record<string, string> {
  return {
    eventStore: config.eventStoreUrl ? 'EventStoreDB' : `SQLite (${join(config.dataDir, 'events.db')})`,
    readStore: config.mongoUrl
      ? `MongoDB (${config.mongoDb})`
      : `SQLite (${join(config.dataDir, 'read-models.db')})`,
    idempotency: config.redisUrl ? 'Redis' : `SQLite (${join(config.dataDir, 'idempotency.db')})`,
    blobStore: config.mongoUrl
      ? `MongoDB GridFS (${config.mongoDb})`
      : `local disk (${join(config.dataDir, 'blobs')})`,
  };
}
