import 'reflect-metadata';
import { mkdtempSync, rmSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@dossiers/event-store';
import { benchRebuild } from './rebuild';
import { seedClientBase } from './seed';
async function main() {
  const cache = '/tmp/bench-rebuild-seed.db';
  if (!existsSync(cache)) {
    const es = new SqliteEventStore({ filename: cache, synchronous: 'NORMAL' });
    await seedClientBase(es); await es.close();
    console.log('seeded'); return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'rb-'));
  const es = new SqliteEventStore({ filename: cache, synchronous: 'NORMAL' });
  const { figures, readStore } = await benchRebuild(es, join(dir, 'read.db'));
  await readStore.close(); await es.close();
  console.log(process.execArgv.filter((a) => a.startsWith('--max')).join(' ') || 'default', Math.round(figures.eventsPerSecond));
  rmSync(dir, { recursive: true, force: true });
}
main();
