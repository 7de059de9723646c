import { localDateOf, localTimeOf } from './local-time';
import { nextOccurrence, occurrenceDue } from './occurrences';
import type { FirmCalendar, Frequency, ReminderSchedule } from './schedule';

const paris: FirmCalendar = { timeZone: 'Europe/Paris', sendHour: '09:00' };
const newYork: FirmCalendar = { timeZone: 'America/New_York', sendHour: '09:00' };

const every = (
  frequency: Frequency,
  startAt: string,
  bounds: { until?: string; maxOccurrences?: number } = {},
): ReminderSchedule => ({
  kind: 'every',
  every: frequency,
  startAt,
  until: bounds.until ?? null,
  maxOccurrences: bounds.maxOccurrences ?? null,
});
const relative = (
  relativeTo: string,
  offsetDays: number,
  repeatEvery: Frequency | null = null,
  maxOccurrences: number | null = null,
): ReminderSchedule => ({ kind: 'relative', relativeTo, offsetDays, repeatEvery, maxOccurrences });
const daily = { unit: 'day', count: 1 } as const;
const weekly = { unit: 'week', count: 1 } as const;
const monthly = { unit: 'month', count: 1 } as const;

/** The first `count` due instants (null where there is none). */
const dues = (schedule: ReminderSchedule, count: number, calendar = paris, attributes = {}) =>
  Array.from({ length: count }, (_, n) => occurrenceDue(schedule, n, calendar, attributes));
const localDates = (instants: (string | null)[], calendar = paris) =>
  instants.map((instant) => instant && localDateOf(instant, calendar.timeZone));
const localTimes = (instants: (string | null)[], calendar = paris) =>
  instants.map((instant) => instant && localTimeOf(instant, calendar.timeZone));

describe('occurrenceDue', () => {
  describe('at', () => {
    const at: ReminderSchedule = { kind: 'at', at: '2027-03-15T08:00:00.000Z' };
    it('has one occurrence, at the exact instant', () => {
      expect(occurrenceDue(at, 0, paris, {})).toBe('2027-03-15T08:00:00.000Z');
      expect(occurrenceDue(at, 1, paris, {})).toBeNull();
    });
    it('has no negative or fractional occurrence', () => {
      expect(occurrenceDue(at, -1, paris, {})).toBeNull();
      expect(occurrenceDue(at, 0.5, paris, {})).toBeNull();
    });
  });

  describe('daylight saving in Paris', () => {
    it('sends daily at 09:00 across the last Sunday of March: no day skipped', () => {
      const instants = dues(every(daily, '2027-03-26'), 5);
      expect(instants).toEqual([
        '2027-03-26T08:00:00.000Z',
        '2027-03-27T08:00:00.000Z',
        '2027-03-28T07:00:00.000Z',
        '2027-03-29T07:00:00.000Z',
        '2027-03-30T07:00:00.000Z',
      ]);
      expect(localTimes(instants)).toEqual(Array(5).fill('09:00'));
    });

    it('sends daily at 09:00 across the last Sunday of October: no day doubled', () => {
      const instants = dues(every(daily, '2027-10-29'), 4);
      expect(instants).toEqual([
        '2027-10-29T07:00:00.000Z',
        '2027-10-30T07:00:00.000Z',
        '2027-10-31T08:00:00.000Z',
        '2027-11-01T08:00:00.000Z',
      ]);
      expect(localDates(instants)).toEqual(['2027-10-29', '2027-10-30', '2027-10-31', '2027-11-01']);
    });

    it('sends weekly on the same weekday at 09:00 across both changes', () => {
      const spring = dues(every(weekly, '2027-03-14'), 4);
      expect(localDates(spring)).toEqual(['2027-03-14', '2027-03-21', '2027-03-28', '2027-04-04']);
      expect(localTimes(spring)).toEqual(Array(4).fill('09:00'));
      expect(spring[2]).toBe('2027-03-28T07:00:00.000Z');
      const autumn = dues(every(weekly, '2027-10-17'), 4);
      expect(localDates(autumn)).toEqual(['2027-10-17', '2027-10-24', '2027-10-31', '2027-11-07']);
      expect(localTimes(autumn)).toEqual(Array(4).fill('09:00'));
      expect(autumn[2]).toBe('2027-10-31T08:00:00.000Z');
    });

    it('moves a send hour in the spring gap forward by the gap, still once that day', () => {
      const instants = dues(every(daily, '2027-03-27'), 3, { timeZone: 'Europe/Paris', sendHour: '02:30' });
      expect(localDates(instants)).toEqual(['2027-03-27', '2027-03-28', '2027-03-29']);
      expect(localTimes(instants)).toEqual(['02:30', '03:30', '02:30']);
    });

    it('sends an ambiguous send hour once, at its first (summer-time) instant', () => {
      const instants = dues(every(daily, '2027-10-30'), 3, { timeZone: 'Europe/Paris', sendHour: '02:30' });
      expect(instants).toEqual([
        '2027-10-30T00:30:00.000Z',
        '2027-10-31T00:30:00.000Z',
        '2027-11-01T01:30:00.000Z',
      ]);
    });
  });

  describe('daylight saving in New York', () => {
    it('sends daily at 09:00 across the second Sunday of March and the first of November', () => {
      expect(dues(every(daily, '2027-03-13'), 2, newYork)).toEqual([
        '2027-03-13T14:00:00.000Z',
        '2027-03-14T13:00:00.000Z',
      ]);
      expect(dues(every(daily, '2027-11-06'), 2, newYork)).toEqual([
        '2027-11-06T13:00:00.000Z',
        '2027-11-07T14:00:00.000Z',
      ]);
    });

    it('takes the local date of an instant startAt in the firm zone, at the send hour', () => {
      // 03:00 UTC on Jan 2nd is still Jan 1st in New York, and already Jan 2nd in Paris.
      expect(occurrenceDue(every(daily, '2027-01-02T03:00:00.000Z'), 0, newYork, {})).toBe(
        '2027-01-01T14:00:00.000Z',
      );
      expect(occurrenceDue(every(daily, '2027-01-02T03:00:00.000Z'), 0, paris, {})).toBe(
        '2027-01-02T08:00:00.000Z',
      );
    });
  });

  describe('month ends', () => {
    it('keeps the 31st, clamped to shorter months, never drifting', () =>
      expect(localDates(dues(every(monthly, '2027-01-31'), 6))).toEqual([
        '2027-01-31',
        '2027-02-28',
        '2027-03-31',
        '2027-04-30',
        '2027-05-31',
        '2027-06-30',
      ]));

    it('falls on February 29th in a leap year, and back to the 31st', () =>
      expect(localDates(dues(every(monthly, '2027-10-31'), 6))).toEqual([
        '2027-10-31',
        '2027-11-30',
        '2027-12-31',
        '2028-01-31',
        '2028-02-29',
        '2028-03-31',
      ]));

    it('counts months in steps of count, at the send hour whatever the season', () => {
      const instants = dues(every({ unit: 'month', count: 3 }, '2027-11-30'), 4);
      expect(localDates(instants)).toEqual(['2027-11-30', '2028-02-29', '2028-05-30', '2028-08-30']);
      expect(localTimes(instants)).toEqual(Array(4).fill('09:00'));
    });
  });

  describe('bounds', () => {
    it('stops after until, a date being inclusive', () =>
      expect(localDates(dues(every(daily, '2027-01-01', { until: '2027-01-03' }), 4))).toEqual([
        '2027-01-01',
        '2027-01-02',
        '2027-01-03',
        null,
      ]));

    it('stops after an until instant, inclusive of an occurrence due exactly then', () => {
      expect(
        occurrenceDue(every(daily, '2027-01-01', { until: '2027-01-03T08:00:00.000Z' }), 2, paris, {}),
      ).toBe('2027-01-03T08:00:00.000Z');
      expect(
        occurrenceDue(every(daily, '2027-01-01', { until: '2027-01-03T07:59:59.999Z' }), 2, paris, {}),
      ).toBeNull();
    });

    it('stops after maxOccurrences', () =>
      expect(
        localDates(dues(every({ unit: 'day', count: 2 }, '2027-01-01', { maxOccurrences: 3 }), 4)),
      ).toEqual(['2027-01-01', '2027-01-03', '2027-01-05', null]));

    it('has no occurrence past year 9999', () => {
      const yearly = every({ unit: 'month', count: 12 }, '9998-06-01');
      expect(dues(yearly, 3)).toEqual(['9998-06-01T07:00:00.000Z', '9999-06-01T07:00:00.000Z', null]);
    });
  });

  describe('relative to a date attribute', () => {
    const attributes = { fiscalYearEnd: '2027-12-31' };

    it('falls offsetDays before the date, once without repeatEvery', () =>
      expect(dues(relative('fiscalYearEnd', -15), 2, paris, attributes)).toEqual([
        '2027-12-16T08:00:00.000Z',
        null,
      ]));

    it('repeats from there, up to maxOccurrences', () =>
      expect(
        localDates(dues(relative('fiscalYearEnd', -15, { unit: 'day', count: 3 }, 3), 4, paris, attributes)),
      ).toEqual(['2027-12-16', '2027-12-19', '2027-12-22', null]));

    it('keeps the send hour when a negative offset crosses a daylight-saving change', () => {
      const instants = dues(relative('closing', -14, daily), 3, paris, { closing: '2027-04-10' });
      expect(localDates(instants)).toEqual(['2027-03-27', '2027-03-28', '2027-03-29']);
      expect(localTimes(instants)).toEqual(Array(3).fill('09:00'));
    });

    it('anchors monthly repeats to the attribute date plus the offset', () =>
      expect(localDates(dues(relative('closing', 1, monthly), 3, paris, { closing: '2027-01-30' }))).toEqual([
        '2027-01-31',
        '2027-02-28',
        '2027-03-31',
      ]));

    it('follows the attribute when it changes', () => {
      const schedule = relative('fiscalYearEnd', -15);
      expect(occurrenceDue(schedule, 0, paris, { fiscalYearEnd: '2028-06-30' })).toBe(
        '2028-06-15T07:00:00.000Z',
      );
    });

    it('reads an instant attribute as its local date in the firm zone', () =>
      expect(occurrenceDue(relative('meeting', -1), 0, newYork, { meeting: '2027-06-10T02:00:00Z' })).toBe(
        '2027-06-08T13:00:00.000Z',
      ));

    it.each([
      ['missing', {}],
      ['not a date', { fiscalYearEnd: 'end of year' }],
      ['a number', { fiscalYearEnd: 20271231 }],
      ['a boolean', { fiscalYearEnd: true }],
    ])('has no occurrence when the attribute is %s', (_case, attrs) =>
      expect(occurrenceDue(relative('fiscalYearEnd', -15), 0, paris, attrs)).toBeNull(),
    );
  });
});

describe('nextOccurrence', () => {
  const at: ReminderSchedule = { kind: 'at', at: '2027-03-15T08:00:00.000Z' };

  it('answers the one occurrence of {at} until it is due, strictly', () => {
    expect(nextOccurrence(at, 0, paris, {}, '2027-03-15T07:59:59.999Z')).toEqual({ n: 0, due: at.at });
    expect(nextOccurrence(at, 0, paris, {}, '2027-03-15T08:00:00.000Z')).toBeNull();
    expect(nextOccurrence(at, 1, paris, {}, '2020-01-01T00:00:00Z')).toBeNull();
  });

  it('skips what falls due up to `after`, across a daylight-saving change', () => {
    const schedule = every(daily, '2027-03-25');
    expect(nextOccurrence(schedule, 0, paris, {}, '2027-03-27T08:00:00.000Z')).toEqual({
      n: 3,
      due: '2027-03-28T07:00:00.000Z',
    });
    expect(nextOccurrence(schedule, 0, paris, {}, '2027-03-27T08:00:00.001Z')).toEqual({
      n: 3,
      due: '2027-03-28T07:00:00.000Z',
    });
    expect(nextOccurrence(schedule, 0, paris, {}, '2027-03-27T07:59:59.999Z')).toEqual({
      n: 2,
      due: '2027-03-27T08:00:00.000Z',
    });
  });

  it('starts at fromN', () =>
    expect(nextOccurrence(every(daily, '2027-01-01'), 5, paris, {}, '2020-01-01T00:00:00Z')).toEqual({
      n: 5,
      due: '2027-01-06T08:00:00.000Z',
    }));

  it('finds the next of a schedule started long ago', () => {
    const next = nextOccurrence(every(daily, '1990-01-01'), 0, paris, {}, '2027-06-15T12:00:00Z');
    expect(next).toEqual({
      n: Date.UTC(2027, 5, 16) / 86_400_000 - Date.UTC(1990, 0, 1) / 86_400_000,
      due: '2027-06-16T07:00:00.000Z',
    });
  });

  it('answers null once until or maxOccurrences is reached', () => {
    expect(
      nextOccurrence(
        every(daily, '2027-01-01', { until: '2027-01-03' }),
        0,
        paris,
        {},
        '2027-01-03T08:00:00Z',
      ),
    ).toBeNull();
    expect(
      nextOccurrence(every(daily, '2027-01-01', { maxOccurrences: 3 }), 0, paris, {}, '2027-01-02T12:00:00Z'),
    ).toEqual({
      n: 2,
      due: '2027-01-03T08:00:00.000Z',
    });
    expect(
      nextOccurrence(every(daily, '2027-01-01', { maxOccurrences: 3 }), 3, paris, {}, '2020-01-01T00:00:00Z'),
    ).toBeNull();
  });

  it('answers null for a relative schedule whose attribute is missing', () =>
    expect(
      nextOccurrence(relative('fiscalYearEnd', -15, daily), 0, paris, {}, '2020-01-01T00:00:00Z'),
    ).toBeNull());

  it('ends for an unbounded schedule once past year 9999', () => {
    expect(nextOccurrence(every(daily, '2027-01-01'), 0, paris, {}, '9999-12-30T12:00:00Z')?.due).toBe(
      '9999-12-31T08:00:00.000Z',
    );
    expect(nextOccurrence(every(daily, '2027-01-01'), 0, paris, {}, '9999-12-31T12:00:00Z')).toBeNull();
  });

  it('refuses an `after` that is not an instant', () =>
    expect(() => nextOccurrence(at, 0, paris, {}, 'now')).toThrow(RangeError));
});
