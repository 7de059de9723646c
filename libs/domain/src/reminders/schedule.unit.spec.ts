import { checkCalendar, checkSchedule } from './schedule';

const fields = (raw: unknown, field?: string) => checkSchedule(raw, field).errors.map((e) => e.field);

describe('checkSchedule', () => {
  it('reads {at} as an exact instant, normalized to UTC with ms', () =>
    expect(checkSchedule({ at: '2027-03-15T09:00:00+01:00' })).toEqual({
      value: { kind: 'at', at: '2027-03-15T08:00:00.000Z' },
      errors: [],
    }));

  it('reads {every}, optional bounds defaulting to null, instants normalized, dates kept', () => {
    expect(checkSchedule({ every: { unit: 'week', count: 2 }, startAt: '2027-01-04' }).value).toEqual({
      kind: 'every',
      every: { unit: 'week', count: 2 },
      startAt: '2027-01-04',
      until: null,
      maxOccurrences: null,
    });
    expect(
      checkSchedule({
        every: { unit: 'month', count: 1 },
        startAt: '2027-01-31T10:00:00+01:00',
        until: '2027-12-31',
        maxOccurrences: 12,
      }).value,
    ).toEqual({
      kind: 'every',
      every: { unit: 'month', count: 1 },
      startAt: '2027-01-31T09:00:00.000Z',
      until: '2027-12-31',
      maxOccurrences: 12,
    });
  });

  it('reads {relativeTo}', () => {
    expect(checkSchedule({ relativeTo: 'fiscalYearEnd', offsetDays: -15 }).value).toEqual({
      kind: 'relative',
      relativeTo: 'fiscalYearEnd',
      offsetDays: -15,
      repeatEvery: null,
      maxOccurrences: null,
    });
    expect(
      checkSchedule({
        relativeTo: 'fiscalYearEnd',
        offsetDays: 0,
        repeatEvery: { unit: 'day', count: 3 },
        maxOccurrences: 4,
      }).value,
    ).toMatchObject({ repeatEvery: { unit: 'day', count: 3 }, maxOccurrences: 4 });
  });

  it.each([
    ['not an object', 'soon'],
    ['an array', [{ at: '2027-03-15T09:00:00Z' }]],
    ['no form at all', { startAt: '2027-01-01' }],
    ['two forms', { at: '2027-03-15T09:00:00Z', every: { unit: 'day', count: 1 }, startAt: '2027-01-01' }],
    ['two other forms', { at: '2027-03-15T09:00:00Z', relativeTo: 'x', offsetDays: 1 }],
  ])('refuses %s, naming the schedule', (_case, raw) => {
    const result = checkSchedule(raw, 'reminder.schedule');
    expect(result.value).toBeUndefined();
    expect(result.errors).toEqual([{ field: 'reminder.schedule', message: expect.stringMatching(/\{at\}/) }]);
  });

  it.each([
    ['a date only', { at: '2027-03-15' }, 'schedule.at'],
    ['an instant without offset', { at: '2027-03-15T09:00:00' }, 'schedule.at'],
    ['an impossible day', { at: '2027-02-30T09:00:00Z' }, 'schedule.at'],
    ['a number', { at: 1805097600000 }, 'schedule.at'],
    ['an unknown key beside at', { at: '2027-03-15T09:00:00Z', until: '2027-04-01' }, 'schedule.until'],
    [
      'an unknown key beside every',
      { every: { unit: 'day', count: 1 }, startAt: '2027-01-01', offsetDays: 1 },
      'schedule.offsetDays',
    ],
    [
      'an unknown key in every',
      { every: { unit: 'day', count: 1, at: '09:00' }, startAt: '2027-01-01' },
      'schedule.every.at',
    ],
    ['every as a string', { every: 'day', startAt: '2027-01-01' }, 'schedule.every'],
    ['an unknown unit', { every: { unit: 'year', count: 1 }, startAt: '2027-01-01' }, 'schedule.every.unit'],
    ['a zero count', { every: { unit: 'day', count: 0 }, startAt: '2027-01-01' }, 'schedule.every.count'],
    [
      'a count over 365',
      { every: { unit: 'day', count: 366 }, startAt: '2027-01-01' },
      'schedule.every.count',
    ],
    [
      'a fractional count',
      { every: { unit: 'day', count: 1.5 }, startAt: '2027-01-01' },
      'schedule.every.count',
    ],
    [
      'a count as a string',
      { every: { unit: 'day', count: '2' }, startAt: '2027-01-01' },
      'schedule.every.count',
    ],
    ['no startAt', { every: { unit: 'day', count: 1 } }, 'schedule.startAt'],
    ['a French startAt', { every: { unit: 'day', count: 1 }, startAt: '01/02/2027' }, 'schedule.startAt'],
    [
      'an impossible startAt',
      { every: { unit: 'day', count: 1 }, startAt: '2027-02-29' },
      'schedule.startAt',
    ],
    [
      'a bad until',
      { every: { unit: 'day', count: 1 }, startAt: '2027-01-01', until: 'never' },
      'schedule.until',
    ],
    [
      'until before startAt',
      { every: { unit: 'day', count: 1 }, startAt: '2027-01-02', until: '2027-01-01' },
      'schedule.until',
    ],
    [
      'until instant before startAt instant',
      { every: { unit: 'day', count: 1 }, startAt: '2027-01-02T10:00:00Z', until: '2027-01-02T09:00:00Z' },
      'schedule.until',
    ],
    [
      'until instant before a startAt date',
      { every: { unit: 'day', count: 1 }, startAt: '2027-01-02', until: '2027-01-01T23:00:00Z' },
      'schedule.until',
    ],
    [
      'zero maxOccurrences',
      { every: { unit: 'day', count: 1 }, startAt: '2027-01-01', maxOccurrences: 0 },
      'schedule.maxOccurrences',
    ],
    [
      '1001 maxOccurrences',
      { every: { unit: 'day', count: 1 }, startAt: '2027-01-01', maxOccurrences: 1001 },
      'schedule.maxOccurrences',
    ],
    ['no offsetDays', { relativeTo: 'fiscalYearEnd' }, 'schedule.offsetDays'],
    ['a fractional offset', { relativeTo: 'fiscalYearEnd', offsetDays: -1.5 }, 'schedule.offsetDays'],
    ['an offset past ten years', { relativeTo: 'fiscalYearEnd', offsetDays: -3651 }, 'schedule.offsetDays'],
    [
      'an offset past ten years ahead',
      { relativeTo: 'fiscalYearEnd', offsetDays: 3651 },
      'schedule.offsetDays',
    ],
    ['an empty attribute key', { relativeTo: '', offsetDays: 1 }, 'schedule.relativeTo'],
    ['a padded attribute key', { relativeTo: ' fiscalYearEnd', offsetDays: 1 }, 'schedule.relativeTo'],
    [
      'an invisible character in the key',
      { relativeTo: 'fiscal\u200bYearEnd', offsetDays: 1 },
      'schedule.relativeTo',
    ],
    ['a key that is not a string', { relativeTo: 12, offsetDays: 1 }, 'schedule.relativeTo'],
    [
      'a bad repeatEvery',
      { relativeTo: 'd', offsetDays: 1, repeatEvery: { unit: 'day', count: -1 } },
      'schedule.repeatEvery.count',
    ],
    [
      'maxOccurrences without repeatEvery',
      { relativeTo: 'd', offsetDays: 1, maxOccurrences: 3 },
      'schedule.maxOccurrences',
    ],
    [
      'an unknown key beside relativeTo',
      { relativeTo: 'd', offsetDays: 1, until: '2027-01-01' },
      'schedule.until',
    ],
  ])('refuses %s, naming only its field', (_case, raw, field) => {
    const result = checkSchedule(raw);
    expect(result.value).toBeUndefined();
    expect(result.errors.map((e) => e.field)).toEqual([field]);
  });

  it('accepts until equal to startAt, and an instant until on the start day', () => {
    expect(fields({ every: { unit: 'day', count: 1 }, startAt: '2027-01-02', until: '2027-01-02' })).toEqual(
      [],
    );
    expect(
      fields({ every: { unit: 'day', count: 1 }, startAt: '2027-01-02', until: '2027-01-02T08:00:00Z' }),
    ).toEqual([]);
  });

  it('names every bad field at once, under the given prefix', () =>
    expect(
      fields(
        {
          every: { unit: 'hour', count: 0, extra: 1 },
          startAt: 'x',
          until: 'y',
          maxOccurrences: -1,
          more: 1,
        },
        'body.schedule',
      ),
    ).toEqual([
      'body.schedule.more',
      'body.schedule.every.extra',
      'body.schedule.every.unit',
      'body.schedule.every.count',
      'body.schedule.startAt',
      'body.schedule.until',
      'body.schedule.maxOccurrences',
    ]));

  it('accepts the bounds of every range', () => {
    expect(
      fields({ every: { unit: 'day', count: 365 }, startAt: '2027-01-01', maxOccurrences: 1000 }),
    ).toEqual([]);
    expect(fields({ relativeTo: 'd', offsetDays: -3650 })).toEqual([]);
    expect(
      fields({
        relativeTo: 'd',
        offsetDays: 3650,
        repeatEvery: { unit: 'month', count: 1 },
        maxOccurrences: 1,
      }),
    ).toEqual([]);
  });
});

describe('checkCalendar', () => {
  it('reads a zone in its canonical name and a send hour', () =>
    expect(checkCalendar({ timeZone: 'america/new_york', sendHour: '23:59' }).value).toEqual({
      timeZone: 'America/New_York',
      sendHour: '23:59',
    }));

  it.each([
    [{ timeZone: 'Europe/Nowhere', sendHour: '09:00' }, ['settings.timeZone']],
    [{ timeZone: '+01:00', sendHour: '09:00' }, ['settings.timeZone']],
    [{ timeZone: 1, sendHour: '09:00' }, ['settings.timeZone']],
    [{ timeZone: 'Europe/Paris', sendHour: '24:00' }, ['settings.sendHour']],
    [{ timeZone: 'Europe/Paris', sendHour: '9:00' }, ['settings.sendHour']],
    [{ timeZone: 'Europe/Paris', sendHour: '09:60' }, ['settings.sendHour']],
    [{ timeZone: 'Europe/Paris', sendHour: '09:00', locale: 'fr' }, ['settings.locale']],
    [{}, ['settings.timeZone', 'settings.sendHour']],
    [null, ['settings']],
  ])('refuses %j, naming %j', (raw, expected) =>
    expect(checkCalendar(raw, 'settings').errors.map((e) => e.field)).toEqual(expected),
  );
});
