import { checkAttributeKey, isDateAttribute } from '../client/attributes';
import { checkAll, checked, invalid, mapChecked, thenCheck, valid, type Checked } from '../shared/checked';
import { checkOneOf, checkOnlyKnown, isPlainObject } from '../templates/field-values';
import { canonicalTimeZone, isDateOnly } from './local-time';

/**
 * When a reminder goes out: once at an instant, every N days/weeks/months from a start, or relative
 * to a date attribute of the client's sheet (15 days before `fiscalYearEnd`). Day-based schedules
 * fall on calendar days of the firm's time zone, at its send hour (see occurrences.ts).
 */

export const FREQUENCY_UNITS = ['day', 'week', 'month'] as const;
export type FrequencyUnit = (typeof FREQUENCY_UNITS)[number];
export type Frequency = { unit: FrequencyUnit; count: number };

export type ReminderSchedule =
  | { kind: 'at'; at: string }
  | {
      kind: 'every';
      every: Frequency;
      /** a date YYYY-MM-DD, or an instant (UTC 'Z'): only its local date in the firm's zone counts */
      startAt: string;
      /** the last day (a date, inclusive) or instant (due instants up to it) occurrences may fall on */
      until: string | null;
      maxOccurrences: number | null;
    }
  | {
      kind: 'relative';
      relativeTo: string;
      offsetDays: number;
      repeatEvery: Frequency | null;
      maxOccurrences: number | null;
    };

/** The firm's calendar (tenant settings): its IANA time zone and the local time reminders go out at. */
export interface FirmCalendar {
  timeZone: string;
  /** 'HH:MM', 00:00 to 23:59 */
  sendHour: string;
}

export const DEFAULT_FIRM_CALENDAR: FirmCalendar = { timeZone: 'Europe/Paris', sendHour: '09:00' };

export const FREQUENCY_MAX_COUNT = 365;
export const MAX_OCCURRENCES = 1000;
export const MAX_OFFSET_DAYS = 3650;

const SEND_HOUR = /^([01]\d|2[0-3]):[0-5]\d$/;
const FORMS =
  '{at}, {every, startAt, until?, maxOccurrences?} or {relativeTo, offsetDays, repeatEvery?, maxOccurrences?}';
const KNOWN = {
  at: ['at'],
  every: ['every', 'startAt', 'until', 'maxOccurrences'],
  relativeTo: ['relativeTo', 'offsetDays', 'repeatEvery', 'maxOccurrences'],
} as const;

function checkInteger(raw: unknown, field: string, min: number, max: number): Checked<number> {
  return Number.isInteger(raw) && (raw as number) >= min && (raw as number) <= max
    ? valid(raw as number)
    : invalid(field, `must be an integer from ${min} to ${max}`);
}

/** An instant with its offset, normalized to UTC with ms precision ('2027-03-15T08:00:00.000Z'). */
export function checkInstant(raw: unknown, field: string): Checked<string> {
  return typeof raw === 'string' && raw.includes('T') && isDateAttribute(raw)
    ? valid(new Date(raw).toISOString())
    : invalid(field, 'must be an ISO-8601 instant with its offset (2027-03-15T09:00:00+01:00)');
}

/** A date YYYY-MM-DD as given, or an instant (normalized to UTC). */
function checkDateOrInstant(raw: unknown, field: string): Checked<string> {
  if (typeof raw === 'string' && isDateOnly(raw))
    return isDateAttribute(raw) ? valid(raw) : invalid(field, 'is not a valid date');
  return typeof raw === 'string' && isDateAttribute(raw)
    ? valid(new Date(raw).toISOString())
    : invalid(field, 'must be a date YYYY-MM-DD or an ISO-8601 instant');
}

const optional = <T>(raw: unknown, check: (raw: unknown) => Checked<T>): Checked<T | null> =>
  raw === undefined || raw === null ? valid(null) : check(raw);

export function checkFrequency(raw: unknown, field: string): Checked<Frequency> {
  if (!isPlainObject(raw)) return invalid(field, 'must be an object {unit, count}');
  const parts = checkAll({
    known: checkOnlyKnown(raw, ['unit', 'count'], field),
    unit: checkOneOf(raw.unit, FREQUENCY_UNITS, `${field}.unit`),
    count: checkInteger(raw.count, `${field}.count`, 1, FREQUENCY_MAX_COUNT),
  });
  return mapChecked(parts, ({ unit, count }) => ({ unit, count }));
}

const checkMaxOccurrences = (raw: unknown, field: string) =>
  optional(raw, (value) => checkInteger(value, field, 1, MAX_OCCURRENCES));

/**
 * `until` may not come before `startAt`. Two dates or two instants compare exactly; a date against
 * an instant compares calendar dates (the instant's in UTC), the firm's zone being unknown here: a
 * schedule that still ends before its first occurrence simply has none.
 */
function untilNotBeforeStart(startAt: string, until: string | null, field: string): Checked<null> {
  if (until === null) return valid(null);
  const sameForm = isDateOnly(startAt) === isDateOnly(until);
  const [start, end] = sameForm ? [startAt, until] : [startAt.slice(0, 10), until.slice(0, 10)];
  return end >= start ? valid(null) : invalid(`${field}.until`, 'must not be before startAt');
}

function checkEvery(raw: Record<string, unknown>, field: string): Checked<ReminderSchedule> {
  const parts = checkAll({
    every: checkFrequency(raw.every, `${field}.every`),
    startAt: checkDateOrInstant(raw.startAt, `${field}.startAt`),
    until: optional(raw.until, (value) => checkDateOrInstant(value, `${field}.until`)),
    maxOccurrences: checkMaxOccurrences(raw.maxOccurrences, `${field}.maxOccurrences`),
  });
  return thenCheck(parts, ({ every, startAt, until, maxOccurrences }) =>
    mapChecked(untilNotBeforeStart(startAt, until, field), () => ({
      kind: 'every' as const,
      every,
      startAt,
      until,
      maxOccurrences,
    })),
  );
}

function checkRelative(raw: Record<string, unknown>, field: string): Checked<ReminderSchedule> {
  const repeatEvery = optional(raw.repeatEvery, (value) => checkFrequency(value, `${field}.repeatEvery`));
  const maxOccurrences = checkMaxOccurrences(raw.maxOccurrences, `${field}.maxOccurrences`);
  const parts = checkAll({
    relativeTo:
      typeof raw.relativeTo === 'string'
        ? checkAttributeKey(raw.relativeTo, `${field}.relativeTo`)
        : invalid(`${field}.relativeTo`, 'must be the key of a date attribute'),
    offsetDays: checkInteger(raw.offsetDays, `${field}.offsetDays`, -MAX_OFFSET_DAYS, MAX_OFFSET_DAYS),
    repeatEvery,
    // A count of repeats means nothing for a reminder that does not repeat.
    maxOccurrences:
      maxOccurrences.value != null && repeatEvery.value === null
        ? invalid(`${field}.maxOccurrences`, 'only applies with repeatEvery')
        : maxOccurrences,
  });
  return mapChecked(parts, (value) => ({ kind: 'relative' as const, ...value }));
}

/**
 * A reminder's schedule from the API shape: exactly one of `{at}`, `{every: {unit, count}, startAt,
 * until?, maxOccurrences?}` or `{relativeTo, offsetDays, repeatEvery?, maxOccurrences?}`, no other
 * property. Whether `at` lies in the future and `relativeTo` names a date field of the client's
 * sheet needs the command's time and the sheet: the decider's business.
 */
export function checkSchedule(raw: unknown, field = 'schedule'): Checked<ReminderSchedule> {
  if (!isPlainObject(raw)) return invalid(field, `must be an object: ${FORMS}`);
  const forms = (Object.keys(KNOWN) as (keyof typeof KNOWN)[]).filter((form) => raw[form] !== undefined);
  if (forms.length !== 1) return invalid(field, `must be exactly one of ${FORMS}`);
  const [form] = forms;
  const known = checkOnlyKnown(raw, KNOWN[form], field);
  const schedule =
    form === 'at'
      ? mapChecked(checkInstant(raw.at, `${field}.at`), (at) => ({ kind: 'at' as const, at }))
      : form === 'every'
        ? checkEvery(raw, field)
        : checkRelative(raw, field);
  return checked(schedule.value as ReminderSchedule, [...known.errors, ...schedule.errors]);
}

export function checkTimeZone(raw: unknown, field: string): Checked<string> {
  const zone = typeof raw === 'string' ? canonicalTimeZone(raw) : null;
  return zone ? valid(zone) : invalid(field, 'must be an IANA time zone (Europe/Paris)');
}

export function checkSendHour(raw: unknown, field: string): Checked<string> {
  return typeof raw === 'string' && SEND_HOUR.test(raw)
    ? valid(raw)
    : invalid(field, 'must be a time HH:MM from 00:00 to 23:59');
}

/** The firm's calendar from the tenant settings: `{timeZone, sendHour}`, the zone in its canonical name. */
export function checkCalendar(raw: unknown, field = 'calendar'): Checked<FirmCalendar> {
  if (!isPlainObject(raw)) return invalid(field, 'must be an object {timeZone, sendHour}');
  const parts = checkAll({
    known: checkOnlyKnown(raw, ['timeZone', 'sendHour'], field),
    timeZone: checkTimeZone(raw.timeZone, `${field}.timeZone`),
    sendHour: checkSendHour(raw.sendHour, `${field}.sendHour`),
  });
  return mapChecked(parts, ({ timeZone, sendHour }) => ({ timeZone, sendHour }));
}
