import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeText } from '@dossiers/domain';
import type { DomainEvent } from '@dossiers/events';
import {
  renamedReadStore,
  SqliteReadStore,
  type Document,
  type ReadCollection,
  type ReadStore,
} from '@dossiers/read-store';
import { CHECKPOINTS_COLLECTION } from './checkpoint';
import { defineProjection, idFrom } from './projection';
import { ProjectionEngine } from './projection-engine';
import { toyEvents } from '../testing/toy-events';

/** A toy read model fanning out: each document derives `width` documents, rewritten when it changes. */
interface FanDoc extends Document {
  n: number;
  width: number;
}

type FanEvent =
  DomainEvent<'Opened', { key: string; width: number }> | DomainEvent<'Bumped', { key: string }>;

const fanned = defineProjection<FanDoc, FanEvent>({
  name: 'fanned',
  collection: 'fanned',
  indexes: [],
  canHandle: ['Opened', 'Bumped'],
  creates: ['Opened'],
  documentId: idFrom('key'),
  evolve: (doc, event) =>
    event.type === 'Opened'
      ? { _id: event.data.key, n: 0, width: event.data.width }
      : doc && { ...doc, n: doc.n + 1 },
  derived: {
    collections: [{ name: 'fanned_parts', indexes: [] }],
    derive: (doc) =>
      Array.from({ length: doc.width }, (_, i) => ({
        collection: 'fanned_parts',
        doc: { _id: `${doc._id}:${i}`, n: doc.n },
      })),
  },
});

const toy = toyEvents('fan');
const event = (type: FanEvent['type'], data: FanEvent['data']) => toy(type, data);

/** Six keys, each opened with two derived documents then bumped: 19 writes in one transaction. */
const batch = () =>
  Array.from({ length: 6 }, (_, k) => [
    event('Opened', { key: `k${k}`, width: 2 }),
    event('Bumped', { key: `k${k}` }),
  ]).flat();

/**
 * The store with its transactions watched: the documents each committed one wrote (upsertMany),
 * and, from `failFrom` committed transactions on, a crash instead of the next one.
 */
function watched(store: ReadStore, maxWritesPerTransaction: number | undefined, failFrom = Infinity) {
  const committed: number[] = [];
  const view = renamedReadStore(store, (name) => name);
  const counted = <T extends Document>(collection: ReadCollection<T>, add: (n: number) => void) =>
    new Proxy(collection, {
      get: (target, property: keyof ReadCollection<T>) =>
        property === 'upsertMany'
          ? (docs: T[]) => (add(docs.length), target.upsertMany(docs))
          : (target[property] as (...args: unknown[]) => unknown).bind(target),
    });
  const watchedStore: ReadStore = {
    ...view,
    maxWritesPerTransaction,
    transaction: async (work) => {
      if (committed.length >= failFrom) throw new Error('crashed between two transactions');
      let written = 0;
      const result = await view.transaction((tx) =>
        work({ collection: (name) => counted(tx.collection(name), (n) => (written += n)) }),
      );
      committed.push(written);
      return result;
    },
  };
  return { store: watchedStore, committed };
}

describe('ProjectionEngine: a batch bounded by its writes', () => {
  let dir: string;
  const stores: SqliteReadStore[] = [];
  const open = (name: string) => {
    const store = new SqliteReadStore({ filename: join(dir, `${name}.db`), normalizeText });
    stores.push(store);
    return store;
  };
  const contents = async (store: ReadStore) =>
    Object.fromEntries(
      await Promise.all(
        ['fanned', 'fanned_parts', CHECKPOINTS_COLLECTION].map(async (name) => [
          name,
          await store.collection(name).find({}, { sort: [['_id', 1]] }),
        ]),
      ),
    );

  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'bounded-batch-'))));
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('splits a batch past the bound into transactions under it, ending where the whole one would', async () => {
    const events = batch();
    const whole = watched(open('whole'), undefined);
    await new ProjectionEngine(whole.store, [fanned]).applyBatch(events);
    expect(whole.committed).toEqual([19]);

    const split = watched(open('split'), 8);
    await new ProjectionEngine(split.store, [fanned]).applyBatch(events);
    expect(split.committed.length).toBeGreaterThan(2);
    for (const written of split.committed) expect(written).toBeLessThanOrEqual(8);
    expect(await contents(split.store)).toEqual(await contents(whole.store));
    expect((await contents(split.store)).fanned_parts).toHaveLength(12);
  });

  it('takes the bound from the engine option over the store', async () => {
    const split = watched(open('option'), undefined);
    await new ProjectionEngine(split.store, [fanned], { maxWritesPerTransaction: 8 }).applyBatch(batch());
    expect(split.committed.length).toBeGreaterThan(2);
  });

  it('never splits one event, whatever it writes', async () => {
    const wide = [event('Opened', { key: 'wide', width: 20 }), event('Bumped', { key: 'wide' })];
    const split = watched(open('wide'), 5);
    await new ProjectionEngine(split.store, [fanned]).applyBatch(wide);
    expect(split.committed).toEqual([22, 22]);
    expect(await split.store.collection('fanned_parts').count({ n: 1 })).toBe(20);
  });

  it('resumes after a crash between two parts as after any batch: from the last one committed', async () => {
    const events = batch();
    const whole = watched(open('reference'), undefined);
    await new ProjectionEngine(whole.store, [fanned]).applyBatch(events);

    const file = open('crashed');
    const crashing = watched(file, 8, 1);
    await expect(new ProjectionEngine(crashing.store, [fanned]).applyBatch(events)).rejects.toThrow(
      'crashed',
    );
    expect(crashing.committed).toHaveLength(1);
    const checkpoint = await file.collection(CHECKPOINTS_COLLECTION).findById('fanned');
    const last = events[events.length - 1].position;
    expect(checkpoint?.position).toBeGreaterThan(events[0].position);
    expect(checkpoint?.position).toBeLessThan(last);

    // The subscription delivers the same batch again, to a healthy store.
    await new ProjectionEngine(watched(file, 8).store, [fanned]).applyBatch(events);
    expect(await contents(file)).toEqual(await contents(whole.store));
  });
});
