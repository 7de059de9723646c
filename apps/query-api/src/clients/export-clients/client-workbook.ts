import type { Writable } from 'node:stream';
import { isDateAttribute } from '@dossiers/domain';
import type { AttributeValue } from '@dossiers/events';
import type { ClientListDoc } from '@dossiers/read-models';
import { openStreamedSheet, paceRows } from './paced-workbook-writer';

const FIXED_COLUMNS = [
  { header: 'Name', width: 40 },
  { header: 'Group', width: 24 },
  { header: 'Members', width: 10 },
  { header: 'Directories', width: 12 },
  { header: 'Created', width: 20 },
  { header: 'Updated', width: 20 },
];

/**
 * Shared style objects: exceljs caches a style's id by object identity, so cells that share one
 * skip rendering it to XML again, which is most of the cost of a large export.
 */
const PLAIN = {};
const DAY = { numFmt: 'yyyy-mm-dd' };
const INSTANT = { numFmt: 'yyyy-mm-dd hh:mm' };

export interface ClientWorkbookInput {
  attributeKeys: string[];
  groupNames: Map<string, string>;
  clients: AsyncIterable<ClientListDoc>;
  /** false for collaborators: the counts (left blank) and the last change cover folders their rights may hide */
  asStaff: boolean;
}

/** A cell's value and style: a date attribute becomes a date cell, formatted as it was written (day or instant). */
function attributeCell(value: AttributeValue): [unknown, object] {
  if (!isDateAttribute(value)) return [value, PLAIN];
  return [new Date(value), value.length === 10 ? DAY : INSTANT];
}

/**
 * Streams the client base as an .xlsx into `output`, pausing while the zip or `output` is behind
 * (paceRows), so memory stays flat however many clients there are.
 */
export async function writeClientWorkbook(output: Writable, input: ClientWorkbookInput): Promise<void> {
  const { workbook, sheet } = openStreamedSheet(output, 'Clients', [
    ...FIXED_COLUMNS,
    ...input.attributeKeys.map((key) => ({ header: key, width: Math.min(40, Math.max(12, key.length + 2)) })),
  ]);
  const attributeColumn = new Map(input.attributeKeys.map((key, i) => [key, FIXED_COLUMNS.length + i]));

  for await (const client of input.clients) {
    const values: unknown[] = [
      client.name,
      client.groupId ? (input.groupNames.get(client.groupId) ?? '') : '',
      input.asStaff ? client.membersCount : null,
      input.asStaff ? client.directoriesCount : null,
      new Date(client.createdAt),
      new Date(input.asStaff ? client.updatedAt : client.sheetUpdatedAt),
    ];
    const styles: object[] = [PLAIN, PLAIN, PLAIN, PLAIN, INSTANT, INSTANT];
    for (const [key, value] of Object.entries(client.attributes)) {
      const column = attributeColumn.get(key);
      if (column !== undefined) [values[column], styles[column]] = attributeCell(value);
    }
    const row = sheet.addRow(values);
    row.eachCell((cell, columnNumber) => {
      cell.style = styles[columnNumber - 1] ?? PLAIN;
    });
    row.commit();
    await paceRows(workbook, output);
  }
  sheet.commit();
  await workbook.commit();
}
