/**
 * npm run bench:rebuild: sections (b) and (d) of the benchmark alone, the projection rebuild and
 * the export of its client list, printed to the terminal only (BENCHMARKS.md is rewritten by the
 * full `npm run bench`). The export runs the compiled code, so the script builds first.
 *
 * For experiments: BENCH_REBUILD_RUNS=n times the rebuild n times (each into a fresh read store),
 * BENCH_EXPORT_RUNS=n forks the export child n times (its peak RSS is a property of one process),
 * BENCH_SKIP_EXPORT=1 stops after the rebuild.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@dossiers/event-store';
import { benchExport } from './export';
import { benchRebuild } from './rebuild';
import { exportRows, printRows, rebuildRows } from './report';
import { LIVE_CLIENTS, seedClientBase } from './seed';
import { log, nowMs } from './util';

const count = (name: string, fallback: number): number => Number(process.env[name] ?? fallback) || fallback;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dossiers-bench-'));
  log(`temp dir ${dir}`);
  try {
    const eventStore = new SqliteEventStore({ filename: join(dir, 'events.db'), synchronous: 'NORMAL' });
    const seedStart = nowMs();
    const seed = await seedClientBase(eventStore);
    log(`seeded ${seed.events} events in ${((nowMs() - seedStart) / 1000).toFixed(1)} s`);

    const runs = count('BENCH_REBUILD_RUNS', 1);
    const readStoreFile = (run: number) => join(dir, `read-${run}.db`);
    let last: Awaited<ReturnType<typeof benchRebuild>> | undefined;
    for (let run = 1; run <= runs; run++) {
      if (last) {
        await last.readStore.close();
        rmSync(readStoreFile(run - 1), { force: true });
      }
      last = await benchRebuild(eventStore, readStoreFile(run));
      if (last.figures.clients !== LIVE_CLIENTS)
        throw new Error(`the rebuild left ${last.figures.clients} clients, expected ${LIVE_CLIENTS}`);
      printRows(rebuildRows(last.figures));
    }
    await eventStore.close();
    await last!.readStore.close();
    if (process.env.BENCH_SKIP_EXPORT) return;

    for (let run = 1; run <= count('BENCH_EXPORT_RUNS', 1); run++)
      printRows(
        exportRows(await benchExport(readStoreFile(runs), join(dir, 'clients.xlsx')), LIVE_CLIENTS + 1),
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
