import { parseInstant } from './instant';

describe('parseInstant (asOf)', () => {
  it('reads ISO-8601 instants with their offset, to the millisecond', () => {
    expect(parseInstant('2026-03-03T17:00:00Z')).toBe(Date.UTC(2026, 2, 3, 17));
    expect(parseInstant('2026-03-03T17:00Z')).toBe(Date.UTC(2026, 2, 3, 17));
    expect(parseInstant('2026-03-03T18:00:00.250+01:00')).toBe(Date.UTC(2026, 2, 3, 17, 0, 0, 250));
    expect(parseInstant('2024-02-29T23:59:59.999-00:30')).toBe(Date.UTC(2024, 2, 1, 0, 29, 59, 999));
  });

  it('refuses dates, local times, impossible calendars and clocks', () => {
    for (const value of [
      '2026-03-03',
      '2026-03-03T17:00:00',
      '2026-02-30T10:00:00Z',
      '2025-02-29T10:00:00Z',
      '2026-13-01T10:00:00Z',
      '2026-03-03T24:00:00Z',
      '2026-03-03T10:60:00Z',
      '2026-03-03T10:00:00+25:00',
      'yesterday',
      '',
    ])
      expect([value, parseInstant(value)]).toEqual([value, null]);
  });
});
