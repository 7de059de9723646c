/**
 * npm run bench:permissions: section (e) of the benchmark alone, folder permissions, printed to
 * the terminal only (BENCHMARKS.md is rewritten by the full `npm run bench`).
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchPermissions } from './permissions';
import { permissionRows, printRows } from './report';
import { log } from './util';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dossiers-bench-'));
  log(`temp dir ${dir}`);
  try {
    printRows(permissionRows(await benchPermissions(dir)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
