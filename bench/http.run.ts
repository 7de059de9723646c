/**
 * npm run bench:http: section (i) alone. Seeds the bench's client base (bench/seed.ts, ~300k
 * events, 100k clients), rebuilds the read models into the data dir the server then runs on, and
 * loads it and a bare Fastify server in turn (bench/http.ts).
 */
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeText } from '@dossiers/domain';
import { SqliteEventStore } from '@dossiers/event-store';
import { ALL_PROJECTIONS, CLIENTS_COLLECTION, rebuildProjections } from '@dossiers/read-models';
import { SqliteReadStore } from '@dossiers/read-store';
import { benchHttp, httpRows } from './http';
import { printRows } from './report';
import { seedClientBase } from './seed';
import { log, TENANT } from './util';

/** The stores of a seeded client base under `dataDir`, as the standalone app names them; returns client ids to read. */
export async function seedHttpDataDir(dataDir: string): Promise<{ ids: string[]; clients: number }> {
  mkdirSync(dataDir, { recursive: true });
  const eventStore = new SqliteEventStore({ filename: join(dataDir, 'events.db'), synchronous: 'NORMAL' });
  const readStore = new SqliteReadStore({ filename: join(dataDir, 'read-models.db'), normalizeText });
  try {
    await seedClientBase(eventStore);
    await rebuildProjections(eventStore, readStore, ALL_PROJECTIONS);
    return await clientSample(readStore);
  } finally {
    await readStore.close();
    await eventStore.close();
  }
}

/** 2,000 live clients spread over the base (by id, not by name), and how many there are. */
export async function clientSample(readStore: SqliteReadStore): Promise<{ ids: string[]; clients: number }> {
  const clients = readStore.collection(CLIENTS_COLLECTION);
  const docs = await clients.find({ tenant: TENANT }, { sort: [['_id', 1]], limit: 2000 });
  return { ids: docs.map((doc) => doc._id), clients: await clients.count({ tenant: TENANT }) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dossiers-bench-'));
  try {
    const dataDir = join(dir, 'http-data');
    log('(i) seeding and rebuilding (untimed)');
    const { ids, clients } = await seedHttpDataDir(dataDir);
    printRows(httpRows(await benchHttp(dataDir, ids, clients)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
