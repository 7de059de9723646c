import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { isDateAttribute } from '@dossiers/domain';
import type { ClientListDoc } from '@dossiers/read-models';

const FIXED_COLUMNS = [
  { header: 'Name', key: 'name', width: 40 },
  { header: 'Group', key: 'group', width: 24 },
  { header: 'Members', key: 'members', width: 10 },
  { header: 'Directories', key: 'directories', width: 12 },
  { header: 'Created', key: 'createdAt', width: 20, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
  { header: 'Updated', key: 'updatedAt', width: 20, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
];

export interface ClientWorkbookInput {
  attributeKeys: string[];
  groupNames: Map<string, string>;
  clients: AsyncIterable<ClientListDoc>;
}

/** Excel column letters: 1 -> A, 27 -> AA. */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function cellValue(value: unknown): unknown {
  if (typeof value === 'string' && isDateAttribute(value)) return new Date(value);
  return value;
}

/**
 * Streams the client base as an .xlsx into `output`: rows are committed (and leave memory) as they
 * are written, shared strings are off, and writing pauses while `output` is full, so memory stays
 * flat however many clients there are.
 */
export async function writeClientWorkbook(output: Writable, input: ClientWorkbookInput): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Clients', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    ...FIXED_COLUMNS,
    ...input.attributeKeys.map((key) => ({
      header: key,
      key: `attr:${key}`,
      width: Math.min(40, Math.max(12, key.length + 2)),
    })),
  ];
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } };
  header.commit();
  sheet.autoFilter = { from: 'A1', to: `${columnLetter(sheet.columns.length)}1` };

  for await (const client of input.clients) {
    const row: Record<string, unknown> = {
      name: client.name,
      group: client.groupId ? (input.groupNames.get(client.groupId) ?? '') : '',
      members: client.membersCount,
      directories: client.directoriesCount,
      createdAt: new Date(client.createdAt),
      updatedAt: new Date(client.updatedAt),
    };
    for (const [key, value] of Object.entries(client.attributes)) row[`attr:${key}`] = cellValue(value);
    sheet.addRow(row).commit();
    if (output.writableNeedDrain) await once(output, 'drain');
  }
  sheet.commit();
  await workbook.commit();
}
