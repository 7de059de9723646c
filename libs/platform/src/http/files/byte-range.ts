/** What to answer for a Range header (RFC 9110 §14), given the representation's size. */
export type RangeDecision =
  /** no usable Range: the whole body, 200 */
  | { kind: 'whole' }
  /** one satisfiable range, clamped to the body: 206 */
  | { kind: 'partial'; start: number; end: number }
  /** no byte of the body is in the range: 416 */
  | { kind: 'unsatisfiable' };

const SINGLE_RANGE = /^bytes=(?:(\d+)-(\d*)|-(\d+))$/;

/**
 * Only single byte ranges are served: `bytes=a-b`, `bytes=a-` and `bytes=-n`. A header that is
 * malformed, names another unit, or asks for several ranges is ignored and the whole body sent,
 * as RFC 9110 allows (several ranges would need multipart/byteranges, which download managers
 * and players do not need).
 */
export function decideRange(header: string | undefined, size: number): RangeDecision {
  if (header === undefined) return { kind: 'whole' };
  const match = SINGLE_RANGE.exec(header.replace(/\s+/g, ''));
  if (!match) return { kind: 'whole' };
  const [, first, last, suffix] = match;
  if (suffix !== undefined) {
    const length = Number(suffix);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Infinity : Number(last);
  if (!Number.isSafeInteger(start) || end < start || Number.isNaN(end)) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}
