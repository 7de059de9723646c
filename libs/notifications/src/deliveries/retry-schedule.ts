export interface RetrySchedule {
  /** the wait after the first failure; doubled after each further one */
  baseMs: number;
  maxMs: number;
}

/** 1 s, 2 s, 4 s … capped at 5 minutes: a relay that is down is not hammered, and mail resumes soon after it is back. */
export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = { baseMs: 1000, maxMs: 5 * 60 * 1000 };

/** The wait before the next attempt, after `failures` failed attempts (1 or more). */
export function retryDelayMs(failures: number, schedule: RetrySchedule = DEFAULT_RETRY_SCHEDULE): number {
  // Capped exponent: 2 ** 1000 would be Infinity, and the cap is reached long before anyway.
  const exponent = Math.min(Math.max(failures, 1) - 1, 40);
  return Math.min(schedule.baseMs * 2 ** exponent, schedule.maxMs);
}
