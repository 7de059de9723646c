import fc from 'fast-check';
import { addDays, localDateOf, localTimeOf } from './local-time';
import { nextOccurrence, occurrenceDue } from './occurrences';
import type { FirmCalendar, ReminderSchedule } from './schedule';

/**
 * For random daily schedules in random IANA zones over two years: due instants strictly increase,
 * each falls on its own local date at the send hour (or, when that hour does not exist that day,
 * later by the gap), and consecutive local dates are exactly `count` days apart.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const zones = Intl.supportedValuesOf('timeZone');
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
/** The zone's offset at an instant, from its wall clock read as UTC. */
function offsetMinutes(ms: number, timeZone: string): number {
  const instant = new Date(ms).toISOString();
  const wall = Date.parse(`${localDateOf(instant, timeZone)}T${localTimeOf(instant, timeZone)}:00Z`);
  return (wall - Math.floor(ms / MINUTE) * MINUTE) / MINUTE;
}

/**
 * The local times that do not exist on a spring-forward day, by zone (inclusive minute ranges):
 * changes at midnight (Havana, Santiago), by 30 minutes (Lord Howe), by two hours (Troll), at 02:45
 * (Chatham). Cases drawn from them send in the gap on every spring-forward day they cross.
 */
const GAPS: Record<string, [string, string]> = {
  'Europe/Paris': ['02:00', '02:59'],
  'America/New_York': ['02:00', '02:59'],
  'America/Havana': ['00:00', '00:59'],
  'America/Santiago': ['00:00', '00:59'],
  'Australia/Lord_Howe': ['02:00', '02:29'],
  'Antarctica/Troll': ['01:00', '02:59'],
  'Pacific/Chatham': ['02:45', '03:44'],
};
const startDay = fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2030-12-31') });
const anyCase = fc.record({
  timeZone: fc.constantFrom(...zones),
  // Transitions happen in the small hours: draw those more often.
  sendHour: fc
    .oneof(fc.integer({ min: 0, max: 4 * 60 - 1 }), fc.integer({ min: 0, max: 24 * 60 - 1 }))
    .map(hhmm),
  start: startDay,
  count: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 10 })),
});
const gapCase = fc.constantFrom(...Object.entries(GAPS)).chain(([timeZone, [from, to]]) =>
  fc.record({
    timeZone: fc.constant(timeZone),
    sendHour: fc.integer({ min: toMinutes(from), max: toMinutes(to) }).map(hhmm),
    start: startDay,
    count: fc.constant(1),
  }),
);
const arbitraryCase = fc.oneof(anyCase, gapCase);

type Case = { timeZone: string; sendHour: string; start: number; count: number };

function scheduleOf({ start, count }: Case): ReminderSchedule {
  const startAt = new Date(start * DAY).toISOString().slice(0, 10);
  return {
    kind: 'every',
    every: { unit: 'day', count },
    startAt,
    until: addDays(startAt, 730),
    maxOccurrences: null,
  };
}

/** Clocks move by 30 minutes (Lord Howe), an hour, or two (Troll): how far a repeated wall time lies. */
const TRANSITION_MINUTES = [30, 60, 120];

/** Whether an instant one transition before `before` showed `time` on `date` already. */
function shownEarlier(date: string, time: string, before: number, timeZone: string): boolean {
  return TRANSITION_MINUTES.some((minutes) => {
    const instant = new Date(before - minutes * MINUTE).toISOString();
    return localDateOf(instant, timeZone) === date && localTimeOf(instant, timeZone) === time;
  });
}

function allDue(schedule: ReminderSchedule, calendar: FirmCalendar): string[] {
  const instants: string[] = [];
  for (let n = 0; ; n++) {
    const due = occurrenceDue(schedule, n, calendar, {});
    if (due === null) return instants;
    instants.push(due);
  }
}

describe('daily schedules in any zone (property)', () => {
  it('fall once a day at the send hour, strictly increasing, exactly count days apart', () =>
    fc.assert(
      fc.property(arbitraryCase, (testCase) => {
        const calendar = { timeZone: testCase.timeZone, sendHour: testCase.sendHour };
        const instants = allDue(scheduleOf(testCase), calendar);
        expect(instants.length).toBe(Math.floor(730 / testCase.count) + 1);
        let previous: { ms: number; date: string } | null = null;
        for (const due of instants) {
          expect(due).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
          const [ms, date, time] = [
            Date.parse(due),
            localDateOf(due, calendar.timeZone),
            localTimeOf(due, calendar.timeZone),
          ];
          if (time !== calendar.sendHour) {
            // Only a send hour that does not exist that day moves: forward, by the gap.
            const gap = offsetMinutes(ms, calendar.timeZone) - offsetMinutes(ms - DAY, calendar.timeZone);
            expect(gap).toBeGreaterThan(0);
            expect(toMinutes(time) - toMinutes(calendar.sendHour)).toBe(gap);
          }
          // Never a later instant when the same wall time also came earlier (fall back: the first).
          expect(shownEarlier(date, calendar.sendHour, ms, calendar.timeZone)).toBe(false);
          if (previous) {
            expect(ms).toBeGreaterThan(previous.ms);
            expect(dayNumber(date) - dayNumber(previous.date)).toBe(testCase.count);
          }
          previous = { ms, date };
        }
      }),
      { numRuns: 30 },
    ));

  it('answer nextOccurrence as a scan over every occurrence would', () =>
    fc.assert(
      fc.property(
        arbitraryCase,
        fc.integer({ min: -10, max: 800 }),
        fc.integer({ min: 0, max: 20 }),
        (testCase, day, fromN) => {
          const calendar = { timeZone: testCase.timeZone, sendHour: testCase.sendHour };
          const schedule = scheduleOf(testCase);
          const after = new Date((testCase.start + day) * DAY + 7 * 3_600_000).toISOString();
          const instants = allDue(schedule, calendar);
          const n = instants.findIndex((due, index) => index >= fromN && Date.parse(due) > Date.parse(after));
          expect(nextOccurrence(schedule, fromN, calendar, {}, after)).toEqual(
            n === -1 ? null : { n, due: instants[n] },
          );
        },
      ),
      { numRuns: 60 },
    ));
});
