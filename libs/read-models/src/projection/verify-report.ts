import { truncatedJson } from './json-difference';

/** missing: rebuilt but absent from the live store; extra: live but not rebuilt; different: both, unequal. */
export type DifferenceKind = 'missing' | 'extra' | 'different';

export interface DocumentDifference {
  projection: string;
  collection: string;
  id: string;
  kind: DifferenceKind;
  /** different: the first field that differs ('' for the whole document) and its value on each side */
  path?: string;
  rebuilt?: unknown;
  live?: unknown;
}

export interface CollectionSummary {
  projection: string;
  collection: string;
  /** documents seen on either side */
  compared: number;
  missing: number;
  extra: number;
  different: number;
}

export interface VerifiedPosition {
  projection: string;
  /** the live checkpoint the rebuild was brought to and compared with */
  position: number;
  /** where the documents first found different were compared again, when the live store had moved on */
  recheckedAt?: number;
}

export interface VerifyReport {
  equal: boolean;
  /** the event store's head when the check began */
  head: number;
  /** events replayed into the scratch store */
  events: number;
  positions: VerifiedPosition[];
  collections: CollectionSummary[];
  /** the first differing documents, in projection, collection and _id order */
  differences: DocumentDifference[];
  /** differing documents found beyond the recheck limit, counted as found (not read again) */
  unchecked: number;
}

/** The summary the CLI prints: a table per projection and collection, then the first differences. */
export function formatVerifyReport(report: VerifyReport): string {
  const lines = [positionsLine(report), '', ...table(report.collections), ''];
  const total = report.collections.reduce((sum, c) => sum + c.missing + c.extra + c.different, 0);
  if (report.equal) {
    lines.push('OK: every compared document equals its rebuild from position 0.');
    return lines.join('\n');
  }
  lines.push(`First differing documents (of ${total}):`);
  for (const difference of report.differences) lines.push(`  ${describeDifference(difference)}`);
  if (report.unchecked > 0)
    lines.push(`(${report.unchecked} of them beyond the recheck limit, not read again after a pause)`);
  lines.push('', `FAILED: ${total} document(s) differ from their rebuild.`);
  return lines.join('\n');
}

export function describeDifference({
  collection,
  id,
  kind,
  path,
  rebuilt,
  live,
}: DocumentDifference): string {
  const where = `${collection} ${JSON.stringify(id)}`;
  if (kind === 'missing') return `${where}: missing from the live store (the rebuild has it)`;
  if (kind === 'extra') return `${where}: extra in the live store (the rebuild has none)`;
  return `${where}: ${path || '(document)'} is ${truncatedJson(live)} live, ${truncatedJson(rebuilt)} rebuilt`;
}

function positionsLine({ positions, head, events }: VerifyReport): string {
  const distinct = new Set(positions.map((p) => p.position));
  const at =
    distinct.size === 1
      ? `position ${positions[0].position}`
      : positions.map((p) => `${p.projection} at ${p.position}`).join(', ');
  const rechecked = positions.filter((p) => p.recheckedAt !== undefined);
  const moved = rechecked.length
    ? `; documents found different compared again at ${rechecked.map((p) => `${p.projection} ${p.recheckedAt}`).join(', ')}`
    : '';
  return `Verified ${positions.length} projection(s) at the live checkpoints, ${at} (event store head ${head}, ${events} events replayed)${moved}.`;
}

function table(rows: CollectionSummary[]): string[] {
  const header = ['projection', 'collection', 'compared', 'missing', 'extra', 'different'];
  const cells = rows.map((r) =>
    [r.projection, r.collection, r.compared, r.missing, r.extra, r.different].map(String),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i].length)));
  // Names left-aligned, counts right-aligned.
  const line = (row: string[]) =>
    row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), ...cells.map(line)];
}
