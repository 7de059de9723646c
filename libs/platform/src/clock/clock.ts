/**
 * The one clock of the processes that act on their own (the reminder schedulers and workers): the
 * domain has no clock, so the commands they run take `now` from it. Tests replace `now` (e.g.
 * `jest.spyOn(app.get(CLOCK), 'now')`) to jump time instead of waiting.
 */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock = (): Clock => ({ now: () => new Date() });
