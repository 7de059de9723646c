/**
 * Forked by bench/export.ts: writes a workbook of N synthetic clients with the real writer
 * (compiled, from dist/) into /dev/null and reports the process's peak RSS, to show how memory
 * grows with the client count. Usage: node bench/workbook-flatness.child.js <rows>
 */
const { createWriteStream } = require('node:fs');
const { writeClientWorkbook } = require('../dist/apps/query-api/src/clients/export-clients/client-workbook');
const { peakRssKb } = require('./peak-rss');

async function* clients(count) {
  for (let i = 0; i < count; i++) {
    yield {
      _id: `client-${i}`,
      tenant: 'bench',
      name: `Client ${i}`,
      groupId: i % 3 ? 'g' : null,
      attributes: {
        siren: String(100_000_000 + i),
        fiscalYearEnd: '2026-12-31',
        staff: i % 50,
        city: 'Lyon',
      },
      membersCount: 0,
      directoriesCount: 0,
      createdAt: '2026-01-01T09:30:00.000Z',
      updatedAt: '2026-02-01T10:00:00.000Z',
      revision: 1,
    };
  }
}

async function main() {
  const count = Number(process.argv[2]);
  const start = performance.now();
  await writeClientWorkbook(createWriteStream('/dev/null'), {
    attributeKeys: ['city', 'fiscalYearEnd', 'siren', 'staff'],
    groupNames: new Map([['g', 'Group']]),
    clients: clients(count),
    asStaff: true,
  });
  process.send({
    rows: count,
    seconds: (performance.now() - start) / 1000,
    maxRssKb: peakRssKb(),
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
