import type { Attributes } from '@dossiers/events';
import { isDateAttribute } from '../client/attributes';
import { addDays, addMonths, calendarDateOf, isDateOnly, localInstant } from './local-time';
import type { FirmCalendar, Frequency, ReminderSchedule } from './schedule';

/** Occurrence `n` (0-based) of a reminder and the instant it falls due (ISO, UTC, ms, 'Z'). */
export type Occurrence = { n: number; due: string };

/** Searching past this many occurrences (daily for some three million years) finds nothing. */
const MAX_SEARCH = 2 ** 30;

/** The anchor plus n steps, always counted from the anchor (a clamped month never drifts). */
function stepFrom(anchor: string, frequency: Frequency, n: number): string {
  const steps = n * frequency.count;
  if (frequency.unit === 'month') return addMonths(anchor, steps);
  return addDays(anchor, frequency.unit === 'week' ? 7 * steps : steps);
}

/** The due instant of a local date at the send hour; null past year 9999. */
function dueOn(date: string, calendar: FirmCalendar): string | null {
  return isDateOnly(date) ? localInstant(date, calendar.sendHour, calendar.timeZone) : null;
}

function everyDue(
  schedule: Extract<ReminderSchedule, { kind: 'every' }>,
  n: number,
  calendar: FirmCalendar,
): string | null {
  if (schedule.maxOccurrences !== null && n >= schedule.maxOccurrences) return null;
  const anchor = calendarDateOf(schedule.startAt, calendar.timeZone);
  const date = isDateOnly(anchor) ? stepFrom(anchor, schedule.every, n) : '';
  const due = dueOn(date, calendar);
  const { until } = schedule;
  if (due === null || until === null) return due;
  const within = isDateOnly(until) ? date <= until : Date.parse(due) <= Date.parse(until);
  return within ? due : null;
}

function relativeDue(
  schedule: Extract<ReminderSchedule, { kind: 'relative' }>,
  n: number,
  calendar: FirmCalendar,
  attributes: Attributes,
): string | null {
  // Only a date string passes: neither a missing key nor an inherited property (a function).
  const value = attributes[schedule.relativeTo];
  if (value === undefined || !isDateAttribute(value)) return null;
  if (
    schedule.repeatEvery === null ? n > 0 : schedule.maxOccurrences !== null && n >= schedule.maxOccurrences
  )
    return null;
  const anchor = addDays(calendarDateOf(value, calendar.timeZone), schedule.offsetDays);
  if (!isDateOnly(anchor)) return null;
  return dueOn(schedule.repeatEvery === null ? anchor : stepFrom(anchor, schedule.repeatEvery, n), calendar);
}

/**
 * The instant occurrence `n` falls due, or null when there is none: past `until` or
 * `maxOccurrences`, or the attribute a relative schedule follows is missing or not a date. Every
 * occurrence is computed from its own local date (start + n steps) at the firm's send hour, so it
 * is always the send hour on the day it should be, whatever daylight-saving change lies between.
 * Due instants strictly increase with n.
 */
export function occurrenceDue(
  schedule: ReminderSchedule,
  n: number,
  calendar: FirmCalendar,
  attributes: Attributes,
): string | null {
  if (!Number.isSafeInteger(n) || n < 0) return null;
  switch (schedule.kind) {
    case 'at':
      return n === 0 ? new Date(schedule.at).toISOString() : null;
    case 'every':
      return everyDue(schedule, n, calendar);
    case 'relative':
      return relativeDue(schedule, n, calendar, attributes);
  }
}

/**
 * The first occurrence from `fromN` on that falls due strictly after `after` (an occurrence due
 * exactly at `after` counts as past: pass the due instant of the one just handled and it never comes
 * back), or null when none is left. As due instants increase with n and "none" only comes after the
 * last one, the answer is found by a galloping then binary search: a few dozen computations
 * whatever the schedule's age, never a loop over every past occurrence.
 */
export function nextOccurrence(
  schedule: ReminderSchedule,
  fromN: number,
  calendar: FirmCalendar,
  attributes: Attributes,
  after: string,
): Occurrence | null {
  const afterMs = Date.parse(after);
  if (Number.isNaN(afterMs)) throw new RangeError(`not an instant: ${after}`);
  const start = Math.max(0, Math.ceil(fromN));
  // Holds from some n on, never before: that n is the answer, if it has a due instant.
  const isPastAfter = (n: number) => {
    const due = occurrenceDue(schedule, n, calendar, attributes);
    return due === null || Date.parse(due) > afterMs;
  };
  let [low, high] = [start - 1, start];
  for (let step = 1; !isPastAfter(high); step *= 2) {
    if (high - start >= MAX_SEARCH) return null;
    [low, high] = [high, start + step];
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (isPastAfter(middle)) high = middle;
    else low = middle;
  }
  const due = occurrenceDue(schedule, high, calendar, attributes);
  return due === null ? null : { n: high, due };
}
