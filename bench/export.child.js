/**
 * Forked by bench/export.ts: runs the real export (ExportClientsHandler + writeClientWorkbook) of one tenant into
 * a file, alone in this process, and reports its time and the process's peak RSS. Plain JavaScript
 * over the compiled code in dist/ (`npm run bench` builds first), started with the query API's node
 * flags (bench/export.ts reads them from package.json), as the query API runs in production: no
 * TypeScript compiler in the process to inflate its memory.
 * Usage: node bench/export.child.js <read store file> <output .xlsx> <tenant>
 */
require('reflect-metadata');
const { once } = require('node:events');
const { createWriteStream, statSync } = require('node:fs');
const { SqliteReadStore } = require('../dist/libs/read-store/src');
const { ClientAccess } = require('../dist/apps/query-api/src/access/client-access');
const { normalizeText } = require('../dist/libs/domain/src');
const {
  ExportClientsHandler,
} = require('../dist/apps/query-api/src/clients/export-clients/export-clients.handler');
const {
  ExportClientsQuery,
} = require('../dist/apps/query-api/src/clients/export-clients/export-clients.query');
const { writeClientWorkbook } = require('../dist/apps/query-api/src/clients/export-clients/client-workbook');
const { peakRssKb } = require('./peak-rss');

async function main() {
  const [readStoreFile, outputFile, tenant] = process.argv.slice(2);
  const readStore = new SqliteReadStore({ filename: readStoreFile, normalizeText });
  const access = new ClientAccess(readStore);
  const handler = new ExportClientsHandler(readStore, access);
  const baselineMaxRssKb = peakRssKb();

  const start = performance.now();
  const input = await handler.execute(
    new ExportClientsQuery({ tenant, sub: 'bench', role: 'admin' }, { sort: 'name' }),
  );
  const prepared = performance.now();
  const output = createWriteStream(outputFile);
  const closed = once(output, 'close');
  await writeClientWorkbook(output, input);
  await closed; // every byte is in the file
  const end = performance.now();

  const report = {
    seconds: (end - start) / 1000,
    prepareSeconds: (prepared - start) / 1000,
    maxRssKb: peakRssKb(),
    baselineMaxRssKb,
    bytes: statSync(outputFile).size,
  };
  await readStore.close();
  process.send(report);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
