import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@dossiers/events';
import {
  SqliteReadStore,
  type Document,
  type ReadCollection,
  type ReadStore,
  type ReadStoreTransaction,
} from '@dossiers/read-store';
import { defineProjection } from './projection';
import { ProjectionEngine } from './projection-engine';

/** A toy read model: one counter per `key`, begun by Opened, and one derived document per tag. */
interface CounterDoc extends Document {
  n: number;
  tags: string[];
}

const counters = defineProjection<CounterDoc>({
  name: 'counters',
  collection: 'counters',
  indexes: [],
  handles: new Set(['Opened', 'Bumped', 'Tagged', 'Untagged', 'Noticed', 'Closed']),
  creates: new Set(['Opened']),
  documentId: (event) => (event.data as { key: string }).key,
  evolve: (doc, event) => {
    const data = event.data as { key: string; tag?: string };
    if (event.type === 'Opened') return { _id: data.key, n: 0, tags: [] };
    if (!doc) return null;
    switch (event.type) {
      case 'Bumped':
        return { ...doc, n: doc.n + 1 };
      case 'Tagged':
        return { ...doc, tags: [...doc.tags, data.tag!] };
      case 'Untagged':
        return { ...doc, tags: doc.tags.filter((tag) => tag !== data.tag) };
      case 'Closed':
        return null;
      default:
        return doc; // Noticed: nothing changes
    }
  },
  derived: {
    collections: [{ name: 'counter_tags', indexes: [] }],
    derive: (doc) =>
      doc.tags.map((tag) => ({ collection: 'counter_tags', doc: { _id: `${doc._id}:${tag}`, n: doc.n } })),
  },
});

let position = 0;
const event = (type: string, key: string, tag?: string): RecordedEvent =>
  ({
    id: `e${++position}`,
    type,
    schemaVersion: 1,
    data: { key, ...(tag ? { tag } : {}) },
    metadata: {
      tenant: 't',
      actor: 'a',
      correlationId: 'c',
      causationId: null,
      occurredAt: '2026-01-01T00:00:00Z',
    },
    streamId: `counter-${key}`,
    revision: 0,
    position,
  }) as RecordedEvent;

/** Records what the engine asks of each collection inside its transactions. */
function recording(store: ReadStore) {
  const calls: Array<[collection: string, method: string, arg: unknown]> = [];
  const watched = new Set(['findByIds', 'upsertMany', 'deleteMany']);
  const wrap = (tx: ReadStoreTransaction): ReadStoreTransaction => ({
    collection: <T extends Document>(name: string) =>
      new Proxy(tx.collection<T>(name), {
        get(target, method: keyof ReadCollection<T>) {
          const real = (target[method] as (arg: unknown) => unknown).bind(target);
          if (!watched.has(method) || name === 'projection_checkpoints') return real;
          return (arg: unknown) => (calls.push([name, method, arg]), real(arg));
        },
      }),
  });
  const proxy = new Proxy(store, {
    get(target, property) {
      if (property === 'transaction')
        return (work: (tx: ReadStoreTransaction) => Promise<unknown>) =>
          target.transaction((tx) => work(wrap(tx)));
      return Reflect.get(target, property).bind(target);
    },
  });
  return { store: proxy, calls };
}

describe('ProjectionEngine', () => {
  let dir: string;
  let store: SqliteReadStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'engine-'));
    store = new SqliteReadStore({ filename: join(dir, 'r.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const all = async (collection: string) => store.collection(collection).find({}, { sort: [['_id', 1]] });

  it('looks up only the documents a batch does not begin, and writes each changed one once', async () => {
    await new ProjectionEngine(store, [counters]).applyBatch([
      event('Opened', 'old'),
      event('Opened', 'idle'),
      event('Opened', 'doomed'),
    ]);
    const { store: watched, calls } = recording(store);

    await new ProjectionEngine(watched, [counters]).applyBatch([
      event('Bumped', 'old'),
      event('Opened', 'new'),
      event('Bumped', 'new'),
      event('Bumped', 'old'),
      event('Noticed', 'idle'),
      event('Closed', 'doomed'),
      event('Bumped', 'missing'),
    ]);

    const lookedUp = calls.filter(([, method]) => method === 'findByIds').map(([, , ids]) => ids);
    expect(lookedUp).toEqual([['old', 'idle', 'doomed', 'missing']]); // not 'new': Opened begins it
    const written = calls.filter(([, method]) => method === 'upsertMany');
    expect(written).toEqual([
      [
        'counters',
        'upsertMany',
        [expect.objectContaining({ _id: 'old', n: 2 }), expect.objectContaining({ _id: 'new', n: 1 })],
      ],
    ]); // not 'idle': Noticed hands it back unchanged
    expect(calls.filter(([, method]) => method === 'deleteMany')).toEqual([
      ['counters', 'deleteMany', { _id: { $in: ['doomed'] } }], // not 'missing': it never existed
    ]);
    expect((await all('counters')).map((doc) => [doc._id, doc.n])).toEqual([
      ['idle', 0],
      ['new', 1],
      ['old', 2],
    ]);
  });

  it('writes the derived documents that differ, as the last state of the batch leaves them', async () => {
    const engine = new ProjectionEngine(store, [counters]);
    await engine.applyBatch([event('Opened', 'k'), event('Tagged', 'k', 'a'), event('Tagged', 'k', 'b')]);
    expect(await all('counter_tags')).toEqual([
      { _id: 'k:a', n: 0 },
      { _id: 'k:b', n: 0 },
    ]);

    await engine.applyBatch([
      event('Untagged', 'k', 'a'),
      event('Tagged', 'k', 'c'),
      event('Tagged', 'k', 'a'), // removed and added back within the batch: kept
      event('Untagged', 'k', 'b'),
      event('Bumped', 'k'),
    ]);
    expect(await all('counter_tags')).toEqual([
      { _id: 'k:a', n: 1 },
      { _id: 'k:c', n: 1 },
    ]);

    await engine.applyBatch([event('Closed', 'k')]);
    expect(await all('counter_tags')).toEqual([]);
    expect(await all('counters')).toEqual([]);
  });
});
