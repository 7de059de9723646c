import { PassThrough, Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { ClientListDoc } from '@dossiers/read-models';
import { writeClientWorkbook } from './client-workbook';

const CLIENTS = 3000; // a sheet of ~1.4 MB of XML: many chunks

async function* clients(pulled: { count: number }): AsyncIterable<ClientListDoc> {
  for (let i = 0; i < CLIENTS; i++) {
    pulled.count++;
    yield {
      _id: `c${i}`,
      tenant: 't',
      name: `Société ${i}`,
      nameSort: `societe ${i}`,
      searchText: `societe ${i}`,
      groupId: null,
      attributes: { siren: String(100_000_000 + i), fiscalYearEnd: '2026-12-31', staff: i % 50 },
      membersCount: 0,
      directoriesCount: 0,
      createdAt: '2026-01-01T09:30:00.000Z',
      updatedAt: '2026-02-01T10:00:00.000Z',
      sheetUpdatedAt: '2026-01-15T10:00:00.000Z',
      revision: 1,
    };
  }
}

/** An output that takes nothing in until `open()`, then keeps every byte. */
function gatedOutput() {
  const chunks: Buffer[] = [];
  let gate: () => void = () => {};
  const opened = new Promise<void>((resolve) => (gate = resolve));
  const output = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      void opened.then(() => done());
    },
  });
  return { output, open: () => gate(), bytes: () => Buffer.concat(chunks) };
}

describe('writeClientWorkbook', () => {
  it('stops pulling rows while the output takes nothing in, then writes every one', async () => {
    const pulled = { count: 0 };
    const { output, open, bytes } = gatedOutput();
    const written = writeClientWorkbook(output, {
      attributeKeys: ['fiscalYearEnd', 'siren', 'staff'],
      groupNames: new Map(),
      clients: clients(pulled),
      asStaff: true,
    });
    await sleep(200);
    // Held back by the zip's bounded buffers, not by the end of the rows.
    expect(pulled.count).toBeGreaterThan(0);
    expect(pulled.count).toBeLessThan(CLIENTS / 2);

    open();
    await written;
    expect(pulled.count).toBe(CLIENTS);

    const input = new PassThrough();
    input.end(bytes());
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit' });
    const rows: unknown[][] = [];
    for await (const sheet of reader)
      for await (const row of sheet) rows.push((row.values as unknown[]).slice(1));
    expect(rows).toHaveLength(CLIENTS + 1);
    expect(rows[0].slice(0, 2)).toEqual(['Name', 'Group']);
    expect(rows[CLIENTS][0]).toBe(`Société ${CLIENTS - 1}`);
    expect(rows[CLIENTS][7]).toBe(String(100_000_000 + CLIENTS - 1));
  });
});
