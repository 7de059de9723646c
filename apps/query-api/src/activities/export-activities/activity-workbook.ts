import type { Writable } from 'node:stream';
import type { ActivityType } from '@dossiers/read-models';
import { openStreamedSheet, paceRows } from '../../clients/export-clients/paced-workbook-writer';

const COLUMNS = [
  { header: 'Date', width: 20 },
  { header: 'Type', width: 24 },
  { header: 'Actor', width: 28 },
  { header: 'Client', width: 32 },
  { header: 'File', width: 32 },
  { header: 'Format', width: 8 },
  { header: 'Folder', width: 40 },
  { header: 'Summary', width: 80 },
];

/** Shared style objects (see client-workbook.ts: exceljs renders a shared style once). */
const PLAIN = {};
const INSTANT = { numFmt: 'yyyy-mm-dd hh:mm:ss' };
const STYLES = [INSTANT, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN];

/** One activity as a row: names as they were then, the summary in French. */
export interface ActivityRow {
  occurredAt: string;
  type: ActivityType;
  actor: string;
  client: string;
  fileName: string | null;
  format: string | null;
  folderPath: string | null;
  summary: string;
}

export interface ActivityWorkbookInput {
  rows: AsyncIterable<ActivityRow>;
}

/** Streams the activities as an .xlsx into `output`, memory flat however many (paceRows). */
export async function writeActivityWorkbook(output: Writable, input: ActivityWorkbookInput): Promise<void> {
  const { workbook, sheet } = openStreamedSheet(output, 'Activities', COLUMNS);
  for await (const activity of input.rows) {
    const row = sheet.addRow([
      new Date(activity.occurredAt),
      activity.type,
      activity.actor,
      activity.client,
      activity.fileName ?? '',
      activity.format ?? '',
      activity.folderPath ?? '',
      activity.summary,
    ]);
    row.eachCell((cell, columnNumber) => {
      cell.style = STYLES[columnNumber - 1] ?? PLAIN;
    });
    row.commit();
    await paceRows(workbook, output);
  }
  sheet.commit();
  await workbook.commit();
}
