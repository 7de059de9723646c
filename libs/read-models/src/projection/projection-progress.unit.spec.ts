import type { ReadStore } from '@dossiers/read-store';
import { ProjectionProgress } from './projection-progress';
import type { Projection } from './projection';

/** A read store whose only checkpoint is whatever `position.value` says. */
function storeAt(position: { value: number }) {
  const collection = { findByIds: async () => [{ _id: 'p', position: position.value }] };
  return { collection: () => collection } as unknown as ReadStore;
}

describe('ProjectionProgress', () => {
  const projections = [{ name: 'p' }] as Projection[];

  it('wakes a waiter as soon as the projector of its process pokes, long before the next poll', async () => {
    const position = { value: 1 };
    const progress = new ProjectionProgress(storeAt(position), projections, 60_000);
    const waiting = progress.waitFor(5, 120_000);
    await new Promise((resolve) => setImmediate(resolve));
    position.value = 5;
    progress.poke();
    // A poll of a minute: only the poke can end this wait within the test's timeout.
    await expect(waiting).resolves.toBe(true);
  });

  it('still sees a projector elsewhere by polling, and gives up at the timeout', async () => {
    const position = { value: 1 };
    const progress = new ProjectionProgress(storeAt(position), projections, 5);
    setTimeout(() => (position.value = 3), 20);
    await expect(progress.waitFor(3, 2_000)).resolves.toBe(true);
    await expect(progress.waitFor(4, 30)).resolves.toBe(false);
  });

  it('reads the checkpoints once for every waiter a poke wakes', async () => {
    const position = { value: 1 };
    let reads = 0;
    const collection = { findByIds: async () => (reads++, [{ _id: 'p', position: position.value }]) };
    const store = { collection: () => collection } as unknown as ReadStore;
    const progress = new ProjectionProgress(store, projections, 60_000);
    const waiting = Array.from({ length: 20 }, () => progress.waitFor(5, 120_000));
    await new Promise((resolve) => setImmediate(resolve));
    const before = reads;
    position.value = 5;
    progress.poke();
    await expect(Promise.all(waiting)).resolves.toEqual(waiting.map(() => true));
    expect(reads - before).toBe(1);
  });

  it('tells a position the event store has not recorded', async () => {
    const progress = new ProjectionProgress(storeAt({ value: 1 }), projections, 10, async () => 7);
    await expect(progress.recorded(7)).resolves.toBe(true);
    await expect(progress.recorded(8)).resolves.toBe(false);
  });
});
