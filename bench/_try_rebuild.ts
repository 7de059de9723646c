import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@dossiers/event-store';
import { seedClientBase } from './seed';
import { benchRebuild } from './rebuild';
import { nowMs } from './util';
void (async () => {
  const dir = process.env.KEEP ?? mkdtempSync(join(tmpdir(), 'dossiers-bench-'));
  const es = new SqliteEventStore({ filename: join(dir, 'events.db'), synchronous: 'NORMAL' });
  if (!process.env.KEEP) { const t = nowMs(); console.log(await seedClientBase(es), ((nowMs() - t) / 1000).toFixed(1), 's seed'); }
  const { figures, readStore } = await benchRebuild(es, join(dir, `read-${Date.now()}.db`));
  console.log(figures);
  await readStore.close(); await es.close();
  console.log(dir);
})();
