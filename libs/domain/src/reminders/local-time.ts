/**
 * Calendar dates and wall-clock times in a time zone, with Intl only (a JS global, deterministic for
 * given inputs). Dates are 'YYYY-MM-DD' strings; day and month arithmetic is done on the calendar
 * date, never by adding hours to an instant, so a daylight-saving change cannot skip or double a day.
 */

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Whether a string is a calendar date 'YYYY-MM-DD' (rather than an instant). */
export const isDateOnly = (value: string) => DATE.test(value);

/** One formatter per zone: building them is the slow part of Intl. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's canonical name ('europe/paris' -> 'Europe/Paris'), or null when Intl does not know it. */
export function canonicalTimeZone(timeZone: string): string | null {
  // Intl also takes offsets ('+01:00') on some engines: only IANA names (and UTC) are zones here.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(timeZone)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** A date as a UTC time value, or NaN: `Date.UTC` would read years below 100 as 19xx. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, 0, 0);
  return date.getTime();
}

/** The date of a UTC time value: past year 9999 no longer YYYY-MM-DD, '' beyond what Date holds. */
function dateOfUtcMs(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString().slice(0, 10) : '';
}

function parseDate(date: string): [number, number, number] {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`not a date YYYY-MM-DD: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** The wall clock of an instant in a zone, read as if it were UTC (so its difference is the offset). */
function wallClockMs(instantMs: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of formatterOf(timeZone).formatToParts(instantMs)) parts[part.type] = part.value;
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  wall.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
  return wall.getTime() + (instantMs - Math.floor(instantMs / 1000) * 1000);
}

const offsetAt = (instantMs: number, timeZone: string) => wallClockMs(instantMs, timeZone) - instantMs;

/** The local calendar date of an instant (any ISO string Date.parse reads) in a zone. */
export function localDateOf(instant: string, timeZone: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${instant}`);
  return dateOfUtcMs(wallClockMs(ms, timeZone));
}

/** The calendar date a date attribute stands for in a zone: a date as it is, an instant's local date. */
export const calendarDateOf = (value: string, timeZone: string) =>
  isDateOnly(value) ? value : localDateOf(value, timeZone);

/** The local wall time 'HH:MM' of an instant in a zone. */
export function localTimeOf(instant: string, timeZone: string): string {
  return new Date(wallClockMs(Date.parse(instant), timeZone)).toISOString().slice(11, 16);
}

/**
 * The instant (ISO, UTC, 'Z') at which the zone's clocks show `time` on `date`. A time that does not
 * exist (the spring-forward gap) moves forward by the gap: 02:30 on the last Sunday of March in Paris
 * is 03:30 CEST. A time that exists twice (fall back) is the first one, still in summer time.
 */
export function localInstant(date: string, time: string, timeZone: string): string {
  const [year, month, day] = parseDate(date);
  const clock = TIME.exec(time);
  if (!clock) throw new RangeError(`not a time HH:MM: ${time}`);
  const wall = utcMs(year, month, day, Number(clock[1]), Number(clock[2]));
  // The offsets a day either side: the same one on most days, two around a transition.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const matching = [wall - before, wall - after].filter((t) => offsetAt(t, timeZone) === wall - t);
  // In a gap no offset matches: the wall time read with the offset before it lands past the gap.
  const instant = matching.length > 0 ? Math.min(...matching) : wall - before;
  return new Date(instant).toISOString();
}

/** `date` plus `days` calendar days (negative: before). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = parseDate(date);
  return dateOfUtcMs(utcMs(year, month, day) + days * DAY_MS);
}

const daysInMonth = (year: number, month: number) =>
  new Date(utcMs(year, month + 1, 1) - DAY_MS).getUTCDate();

/**
 * `date` plus `months` calendar months, keeping its day of month, clamped to the month's last day:
 * from Jan 31, one month is Feb 28 (29 in a leap year) and two are Mar 31. Always count from the
 * same anchor date, so a clamped month never shifts the following ones.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = parseDate(date);
  const index = year * 12 + (month - 1) + months;
  const [targetYear, targetMonth] = [Math.floor(index / 12), (index % 12) + 1];
  return dateOfUtcMs(utcMs(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth))));
}
