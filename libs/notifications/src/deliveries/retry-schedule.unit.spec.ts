import { retryDelayMs } from './retry-schedule';

describe('retry schedule', () => {
  it('doubles from 1 s up to a 5-minute cap', () => {
    const delays = [1, 2, 3, 4, 5, 8, 9, 10, 50, 10_000].map((failures) => retryDelayMs(failures));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 128_000, 256_000, 300_000, 300_000, 300_000]);
  });

  it('takes another base and cap (tests use milliseconds)', () => {
    const schedule = { baseMs: 5, maxMs: 30 };
    expect([1, 2, 3, 4, 5].map((f) => retryDelayMs(f, schedule))).toEqual([5, 10, 20, 30, 30]);
  });
});
