import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchAppends } from './appends';
void (async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossiers-bench-'));
  try { const r = await benchAppends(dir); console.log(r); } finally { rmSync(dir, { recursive: true, force: true }); }
})();
