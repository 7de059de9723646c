import type { AppConfig, Clock } from '@dossiers/platform';
import type { ReadStore } from '@dossiers/read-store';
import { DUE_REMINDERS_COLLECTION } from '@dossiers/read-models';
import type { DueDoc, DueWorkKind } from './due-work';
import type { DueWorkRunner } from './due-work-runner';
import { EMBEDDED_CONCURRENCY, EmbeddedScheduler } from './embedded-scheduler';

/** 1,200 reminder occurrences due, 4 per client, over more than one page of the due collection. */
const DUE: DueDoc[] = Array.from({ length: 1200 }, (_, i) => ({
  _id: `c${String(Math.floor(i / 4)).padStart(4, '0')}/r${i % 4}`,
  tenant: 'firm-a',
  dueAt: '2027-01-01T09:00:00.000Z',
  clientId: `c${Math.floor(i / 4)}`,
  reminderId: `r${i}`,
  occurrence: 0,
}));

type Condition = string | { $gt?: string; $lte?: string };
const holds = (value: string, condition: Condition) =>
  typeof condition === 'string'
    ? value === condition
    : (condition.$gt === undefined || value > condition.$gt) &&
      (condition.$lte === undefined || value <= condition.$lte);

/** The due collection over `docs` (already in (dueAt, _id) order), with the filters the schedulers use. */
function readStoreOver(docs: DueDoc[]): ReadStore {
  const find = (filter: Record<string, Condition>, { limit = Infinity } = {}) =>
    Promise.resolve(
      docs
        .filter((doc) => Object.entries(filter).every(([field, c]) => holds(String(doc[field]), c)))
        .slice(0, limit),
    );
  const none = { find: () => Promise.resolve([]) };
  return {
    collection: (name: string) => (name === DUE_REMINDERS_COLLECTION ? { find } : none),
  } as unknown as ReadStore;
}

describe('EmbeddedScheduler', () => {
  it('runs several clients at once, each client in turn, past the first page', async () => {
    const running = new Map<string, number>();
    let most = 0;
    const ran: string[] = [];
    const runner = {
      run: async (_kind: DueWorkKind, doc: DueDoc) => {
        const client = doc.clientId as string;
        running.set(client, (running.get(client) ?? 0) + 1);
        if (running.get(client)! > 1) throw new Error(`two at once on ${client}`);
        most = Math.max(
          most,
          [...running.values()].reduce((a, b) => a + b, 0),
        );
        await new Promise((resolve) => setImmediate(resolve));
        running.set(client, running.get(client)! - 1);
        ran.push(doc._id);
        return 'done' as const;
      },
    } as unknown as DueWorkRunner;
    const clock: Clock = { now: () => new Date('2027-01-01T09:00:01.000Z') };
    const scheduler = new EmbeddedScheduler(readStoreOver(DUE), {} as AppConfig, clock, runner);
    const errors = jest.spyOn(scheduler['logger'], 'error').mockImplementation(() => undefined);

    await scheduler.runOnce();
    expect(errors).not.toHaveBeenCalled();
    expect(new Set(ran).size).toBe(DUE.length);
    expect(most).toBe(EMBEDDED_CONCURRENCY);

    // Done work is left alone while the projector catches up.
    ran.length = 0;
    await scheduler.runOnce();
    expect(ran).toEqual([]);
  });
});
