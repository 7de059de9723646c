import { fork } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { log, nowMs, npmScriptNodeFlags, TENANT } from './util';

/** What bench/export.child.js reports. */
export interface ExportChildReport {
  seconds: number;
  prepareSeconds: number;
  /** the process's peak RSS (KB, bench/peak-rss.js) once done: node, its heap, exceljs, SQLite, all of it */
  maxRssKb: number;
  /** the same just before the export started: node, the app's modules and the open store */
  baselineMaxRssKb: number;
  bytes: number;
}

export interface ExportFigures extends ExportChildReport {
  /** the children's node flags: `npm run start:query-api`'s (package.json), or BENCH_EXPORT_NODE_FLAGS' */
  nodeFlags: string[];
  /** rows read back from the file, header included */
  rows: number;
  verifySeconds: number;
  /** the workbook writer alone on synthetic clients: peak RSS at two sizes, to show it stays flat */
  flatness: WorkbookFlatness[];
}

export interface WorkbookFlatness {
  rows: number;
  seconds: number;
  maxRssKb: number;
}

export const FLATNESS_ROWS = [100_000, 400_000];

/**
 * The export runs in the query API, so its children get the node flags `npm run start:query-api`
 * gives it (the young generation's size decides when garbage is freed, hence the peak RSS).
 * BENCH_EXPORT_NODE_FLAGS replaces them, for experiments ('' for none): the figures say so.
 */
function nodeFlags(): string[] {
  const override = process.env.BENCH_EXPORT_NODE_FLAGS;
  if (override !== undefined) return override.split(' ').filter(Boolean);
  return npmScriptNodeFlags('start:query-api', 'dist/apps/query-api/src/main.js');
}

function runChild<Report>(script: string, args: string[], flags: string[]): Promise<Report> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, script), args, {
      execArgv: process.env.BENCH_EXPORT_CPU_PROF
        ? [...flags, '--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_EXPORT_CPU_PROF]
        : flags,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let report: Report | undefined;
    child.on('message', (message) => (report = message as Report));
    child.on('error', reject);
    child.on('exit', (code) =>
      report && code === 0 ? resolve(report) : reject(new Error(`export child exited with ${code}`)),
    );
  });
}

/** Reads the workbook back with exceljs's streaming reader: it must open and hold every row. */
async function countRows(file: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
  });
  let rows = 0;
  for await (const worksheet of reader) for await (const _row of worksheet) rows++;
  return rows;
}

export async function benchExport(readStoreFile: string, outputFile: string): Promise<ExportFigures> {
  const flags = nodeFlags();
  // For the record: a child's getrusage maxRSS would start at this (see bench/peak-rss.js).
  log(
    `export: the bench process's RSS as it forks the child: ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`,
  );
  const report = await runChild<ExportChildReport>(
    'export.child.js',
    [readStoreFile, outputFile, TENANT],
    flags,
  );
  log(
    `export (node ${flags.join(' ')}): ${report.seconds.toFixed(2)} s (first pass ${report.prepareSeconds.toFixed(2)} s), ` +
      `peak RSS ${(report.maxRssKb / 1024).toFixed(0)} MB (${(report.baselineMaxRssKb / 1024).toFixed(0)} MB before)`,
  );
  const start = nowMs();
  const rows = await countRows(outputFile);
  const verifySeconds = (nowMs() - start) / 1000;
  log(`export verified: ${rows} rows read back in ${verifySeconds.toFixed(1)} s`);
  const flatness: WorkbookFlatness[] = [];
  for (const count of FLATNESS_ROWS) {
    const figures = await runChild<WorkbookFlatness>('workbook-flatness.child.js', [String(count)], flags);
    log(
      `workbook writer alone, ${count} rows: ${figures.seconds.toFixed(1)} s, peak RSS ${(figures.maxRssKb / 1024).toFixed(0)} MB`,
    );
    flatness.push(figures);
  }
  return { ...report, nodeFlags: flags, rows, verifySeconds, flatness };
}
