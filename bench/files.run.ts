/**
 * npm run bench:files: section (f) of the benchmark alone, a 200 MB file uploaded and downloaded,
 * printed to the terminal only (BENCHMARKS.md is rewritten by the full `npm run bench`). It runs
 * the compiled app, so it builds first, as `npm run bench` does.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchFiles } from './files';
import { fileRows, printRows } from './report';
import { log } from './util';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dossiers-bench-'));
  log(`temp dir ${dir}`);
  try {
    printRows(fileRows(await benchFiles(dir)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
