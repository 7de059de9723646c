/**
 * Forked by bench/export.ts: runs the real export (ClientExport.prepare + write) of one tenant
 * into a file, alone in this process, and reports its time and the process's peak RSS.
 * Usage: node -r @swc-node/register bench/export.child.ts <read store file> <output .xlsx>
 */
import 'reflect-metadata';
import { once } from 'node:events';
import { createWriteStream, statSync } from 'node:fs';
import { SqliteReadStore } from '@dossiers/read-store';
import { ClientQueries } from '../apps/query-api/src/clients/client-queries';
import { ClientExport } from '../apps/query-api/src/clients/export-clients/client-export';
import { TENANT } from './util';

export interface ExportChildReport {
  seconds: number;
  prepareSeconds: number;
  /** process.resourceUsage().maxRSS (KB) once done: the peak of the whole process */
  maxRssKb: number;
  /** the same just before the export started: node, swc-node, Nest, exceljs and the open store */
  baselineMaxRssKb: number;
  bytes: number;
}

async function main(): Promise<void> {
  const [readStoreFile, outputFile] = process.argv.slice(2);
  const readStore = new SqliteReadStore({ filename: readStoreFile });
  const clientExport = new ClientExport(readStore, new ClientQueries(readStore));
  const baselineMaxRssKb = process.resourceUsage().maxRSS;

  const start = performance.now();
  const input = await clientExport.prepare(TENANT, { sort: 'name' });
  const prepared = performance.now();
  const output = createWriteStream(outputFile);
  const closed = once(output, 'close');
  await clientExport.write(output, input);
  await closed; // every byte is in the file
  const end = performance.now();

  const report: ExportChildReport = {
    seconds: (end - start) / 1000,
    prepareSeconds: (prepared - start) / 1000,
    maxRssKb: process.resourceUsage().maxRSS,
    baselineMaxRssKb,
    bytes: statSync(outputFile).size,
  };
  await readStore.close();
  process.send!(report);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
