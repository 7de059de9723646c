import { addDays, addMonths, canonicalTimeZone, localDateOf, localInstant, localTimeOf } from './local-time';

describe('localInstant', () => {
  it.each([
    ['winter in Paris (CET)', '2027-01-15', '09:00', 'Europe/Paris', '2027-01-15T08:00:00.000Z'],
    ['summer in Paris (CEST)', '2027-07-15', '09:00', 'Europe/Paris', '2027-07-15T07:00:00.000Z'],
    [
      'the spring-forward day, after the change',
      '2027-03-28',
      '09:00',
      'Europe/Paris',
      '2027-03-28T07:00:00.000Z',
    ],
    [
      'the spring-forward day, before the change',
      '2027-03-28',
      '01:30',
      'Europe/Paris',
      '2027-03-28T00:30:00.000Z',
    ],
    [
      'the fall-back day, after the change',
      '2027-10-31',
      '09:00',
      'Europe/Paris',
      '2027-10-31T08:00:00.000Z',
    ],
    ['New York in winter (EST)', '2027-01-15', '09:00', 'America/New_York', '2027-01-15T14:00:00.000Z'],
    ['New York in summer (EDT)', '2027-07-15', '09:00', 'America/New_York', '2027-07-15T13:00:00.000Z'],
    ['Sydney in its summer (AEDT)', '2027-01-15', '09:00', 'Australia/Sydney', '2027-01-14T22:00:00.000Z'],
    ['Kolkata, a half-hour offset', '2027-01-15', '09:00', 'Asia/Kolkata', '2027-01-15T03:30:00.000Z'],
    ['UTC', '2027-01-15', '00:00', 'UTC', '2027-01-15T00:00:00.000Z'],
    ['midnight before a leap day', '2028-02-29', '23:59', 'Europe/Paris', '2028-02-29T22:59:00.000Z'],
  ])('reads %s', (_case, date, time, zone, instant) => expect(localInstant(date, time, zone)).toBe(instant));

  it('moves a time in the spring-forward gap forward by the gap (02:30 -> 03:30 CEST)', () => {
    const instant = localInstant('2027-03-28', '02:30', 'Europe/Paris');
    expect(instant).toBe('2027-03-28T01:30:00.000Z');
    expect(localTimeOf(instant, 'Europe/Paris')).toBe('03:30');
  });

  it('moves a time in New York gap forward too (02:15 -> 03:15 EDT)', () =>
    expect(localInstant('2027-03-14', '02:15', 'America/New_York')).toBe('2027-03-14T07:15:00.000Z'));

  it('takes the first, summer-time instant of an ambiguous time (fall back)', () => {
    expect(localInstant('2027-10-31', '02:30', 'Europe/Paris')).toBe('2027-10-31T00:30:00.000Z');
    expect(localInstant('2027-11-07', '01:30', 'America/New_York')).toBe('2027-11-07T05:30:00.000Z');
  });

  it('handles a half-hour daylight-saving shift (Lord Howe Island)', () => {
    // Clocks go from 02:00 to 02:30 on the first Sunday of October 2027.
    expect(
      localTimeOf(localInstant('2027-10-03', '02:15', 'Australia/Lord_Howe'), 'Australia/Lord_Howe'),
    ).toBe('02:45');
  });

  it('refuses malformed input', () => {
    expect(() => localInstant('2027-3-1', '09:00', 'Europe/Paris')).toThrow(RangeError);
    expect(() => localInstant('2027-03-01', '9:00', 'Europe/Paris')).toThrow(RangeError);
    expect(() => localInstant('2027-03-01', '24:00', 'Europe/Paris')).toThrow(RangeError);
  });
});

describe('localDateOf and localTimeOf', () => {
  it('reads the wall clock in the zone, not in UTC', () => {
    expect(localDateOf('2027-03-14T23:30:00Z', 'Europe/Paris')).toBe('2027-03-15');
    expect(localDateOf('2027-03-15T03:00:00Z', 'America/New_York')).toBe('2027-03-14');
    expect(localTimeOf('2027-10-31T00:30:00.000Z', 'Europe/Paris')).toBe('02:30');
    expect(localTimeOf('2027-10-31T01:30:00.000Z', 'Europe/Paris')).toBe('02:30');
  });
});

describe('calendar arithmetic', () => {
  it('adds and removes days across month, year and leap-day boundaries', () => {
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
    expect(addDays('2027-01-15', -15)).toBe('2026-12-31');
  });

  it('clamps a month to its last day, always counting from the anchor', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-01-31', 2)).toBe('2027-03-31');
    expect(addMonths('2027-01-31', 3)).toBe('2027-04-30');
    expect(addMonths('2027-10-31', 4)).toBe('2028-02-29');
    expect(addMonths('2027-01-15', -1)).toBe('2026-12-15');
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
  });
});

describe('canonicalTimeZone', () => {
  it('gives the canonical name of a zone Intl knows', () => {
    expect(canonicalTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
  });

  it.each(['Europe/Pariss', 'Mars/Olympus', '+01:00', 'GMT+1 ', '', '../etc'])('refuses %j', (zone) =>
    expect(canonicalTimeZone(zone)).toBeNull(),
  );
});
