import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { normalizeText } from '@dossiers/domain';
import { EventStoreDbEventStore, SqliteEventStore, type EventStore } from '@dossiers/event-store';
import { MongoReadStore, SqliteReadStore, type ReadStore } from '@dossiers/read-store';
import { RedisIdempotencyStore, SqliteIdempotencyStore, type IdempotencyStore } from '@dossiers/idempotency';
import { GridFsBlobStore, LocalDiskBlobStore, type BlobStore } from '@dossiers/blob-store';
import type { AppConfig } from '../config/app-config';

/**
 * The one place where adapters are chosen: a production engine when its URL is set, the embedded
 * SQLite default (files under DATA_DIR) otherwise.
 */
export function createEventStore(config: AppConfig): EventStore {
  const logger = new Logger('EventStore');
  if (config.eventStoreUrl) return new EventStoreDbEventStore(config.eventStoreUrl, { logger });
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteEventStore({
    filename: join(config.dataDir, 'events.db'),
    synchronous: config.sqliteSynchronous,
    logger,
  });
}

/** `$contains` folds its needle with the domain's text key, the one projections store search fields under. */
export async function createReadStore(config: AppConfig): Promise<ReadStore> {
  if (config.mongoUrl)
    return new MongoReadStore({ url: config.mongoUrl, databaseName: config.mongoDb, normalizeText });
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteReadStore({ filename: join(config.dataDir, 'read-models.db'), normalizeText });
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
