/**
 * npm run bench: event-store appends, projection rebuild, client-list queries, the client
 * export, folder permissions and file transfers, measured on this machine through the real code paths, and the
 * reminders burst (j) (its BullMQ half on REDIS_URL or 127.0.0.1:6379). Prints a table and rewrites the generated
 * part of BENCHMARKS.md. About three minutes, and several more for (j); temp files go to the OS temp dir.
 */
import 'reflect-metadata';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@dossiers/event-store';
import { benchActivities } from './activities';
import { benchAppends } from './appends';
import { benchExport } from './export';
import { benchFiles } from './files';
import { benchHttp } from './http';
import { clientSample } from './http.run';
import { benchPermissions } from './permissions';
import { benchQueries } from './queries';
import { benchRebuild } from './rebuild';
import { BENCH_REDIS_URL, benchReminders, redisAnswers } from './reminders';
import { benchTimeTravel } from './time-travel.run';
import { printTable, writeBenchmarksMd, type Results } from './report';
import { COMMON_SEARCH, LIVE_CLIENTS, RARE_SEARCH, seedClientBase } from './seed';
import { log, machine, nowMs } from './util';

async function main(): Promise<void> {
  const started = nowMs();
  const dir = mkdtempSync(join(tmpdir(), 'dossiers-bench-'));
  log(`temp dir ${dir}`);
  try {
    log('(a) event-store appends, synchronous=FULL');
    const appends = await benchAppends(dir);

    log('(b) seeding the event store (synchronous=NORMAL, untimed)');
    const eventStore = new SqliteEventStore({ filename: join(dir, 'events.db'), synchronous: 'NORMAL' });
    const seedStart = nowMs();
    const seed = await seedClientBase(eventStore);
    const seedSeconds = (nowMs() - seedStart) / 1000;
    log(`seeded ${seed.events} events in ${seedSeconds.toFixed(1)} s`);

    log('(b) projection rebuild');
    const readStoreFile = join(dir, 'read.db');
    const { figures: rebuild, readStore } = await benchRebuild(eventStore, readStoreFile);
    await eventStore.close();
    if (rebuild.clients !== LIVE_CLIENTS)
      throw new Error(`the rebuild left ${rebuild.clients} clients, expected ${LIVE_CLIENTS}`);

    log('(c) client-list queries');
    const queries = await benchQueries(readStore, { common: COMMON_SEARCH, rare: RARE_SEARCH });
    const sample = await clientSample(readStore);
    await readStore.close();

    log('(d) export, in a child process');
    const exported = await benchExport(readStoreFile, join(dir, 'clients.xlsx'));

    log('(e) folder permissions');
    const permissions = await benchPermissions(dir);

    log('(f) file upload and download, the server in a child process');
    const files = await benchFiles(dir);

    log('(g) activity log queries');
    const activities = await benchActivities(dir);

    log('(h) time travel');
    const timeTravel = await benchTimeTravel(dir);

    log('(i) HTTP throughput against bare Fastify, on a copy of the stores of (b)');
    const httpData = join(dir, 'http-data');
    mkdirSync(httpData);
    copyFileSync(join(dir, 'events.db'), join(httpData, 'events.db'));
    copyFileSync(readStoreFile, join(httpData, 'read-models.db'));
    const http = await benchHttp(httpData, sample.ids, sample.clients);

    log('(j) reminders burst: 100,000 occurrences due at once, embedded scheduler then BullMQ');
    const withRedis = await redisAnswers(BENCH_REDIS_URL);
    if (!withRedis) log(`(j) no Redis answers at ${BENCH_REDIS_URL}: the BullMQ burst is not run (FAIL)`);
    const reminders = await benchReminders(dir, {
      schedulers: withRedis ? ['embedded', 'bullmq'] : ['embedded'],
    });

    const results: Results = {
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      machine: machine(),
      totalSeconds: (nowMs() - started) / 1000,
      appends,
      seed: { ...seed, seconds: seedSeconds },
      rebuild,
      queries,
      exported,
      expectedRows: LIVE_CLIENTS + 1,
      permissions,
      files,
      activities,
      timeTravel,
      http,
      reminders,
    };
    printTable(results);
    const file = join(__dirname, '..', 'BENCHMARKS.md');
    await writeBenchmarksMd(file, results);
    log(`wrote ${file}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
