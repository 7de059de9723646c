/** An ISO-8601 instant with its offset: `2026-03-03T17:00:00Z`, `…T17:00:00.250+01:00`, `…T17:00Z`. */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/i;

/**
 * The instant in epoch milliseconds, or null when `value` is not one. Stricter than Date.parse,
 * which rolls 30 February over into March and reads dates without an offset as local time.
 */
export function parseInstant(value: string): number | null {
  const match = ISO_INSTANT.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second = '0', offsetHours = '0', offsetMinutes = '0'] =
    match.slice(1);
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const calendar = date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
  const clock = Number(hour) < 24 && Number(minute) < 60 && Number(second) < 60;
  const offset = Number(offsetHours) < 24 && Number(offsetMinutes) < 60;
  if (!calendar || !clock || !offset) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
