import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeText } from '@dossiers/domain';
import type { DomainEvent } from '@dossiers/events';
import { SqliteReadStore, type Document, type ReadStore } from '@dossiers/read-store';
import { CHECKPOINTS_COLLECTION } from './checkpoint';
import { defineProjection, idFrom } from './projection';
import { recordingStore } from '../testing/recording-store';
import { toyEvents } from '../testing/toy-events';
import { ProjectionEngine } from './projection-engine';

/** A toy read model: one counter per `key`, begun by Opened, and one derived document per tag. */
interface CounterDoc extends Document {
  n: number;
  tags: string[];
}

type CounterEvent =
  | DomainEvent<'Opened' | 'Bumped' | 'Noticed' | 'Closed', { key: string }>
  | DomainEvent<'Tagged' | 'Untagged', { key: string; tag: string }>;

const counters = defineProjection<CounterDoc, CounterEvent>({
  name: 'counters',
  collection: 'counters',
  indexes: [],
  canHandle: ['Opened', 'Bumped', 'Tagged', 'Untagged', 'Noticed', 'Closed'],
  creates: ['Opened'],
  documentId: idFrom('key'),
  evolve: (doc, event) => {
    if (event.type === 'Opened') return { _id: event.data.key, n: 0, tags: [] };
    if (!doc) return null;
    switch (event.type) {
      case 'Bumped':
        return { ...doc, n: doc.n + 1 };
      case 'Tagged':
        return { ...doc, tags: [...doc.tags, event.data.tag] };
      case 'Untagged':
        return { ...doc, tags: doc.tags.filter((tag) => tag !== event.data.tag) };
      case 'Closed':
        return null;
      case 'Noticed':
        return doc; // nothing changes
    }
  },
  derived: {
    collections: [{ name: 'counter_tags', indexes: [] }],
    derive: (doc) =>
      doc.tags.map((tag) => ({ collection: 'counter_tags', doc: { _id: `${doc._id}:${tag}`, n: doc.n } })),
  },
});

/**
 * The counters again, with a retained log: one entry per tag the counter has (as `${key}:${tag}`,
 * holding the count then), and events of an empty key touching no document.
 */
const logged = defineProjection<CounterDoc, CounterEvent>({
  ...counters,
  name: 'logged',
  collection: 'logged',
  documentId: (event) => event.data.key || null,
  derived: {
    collections: [{ name: 'tag_log', indexes: [], retain: true }],
    derive: (doc) =>
      doc.tags.map((tag) => ({ collection: 'tag_log', doc: { _id: `${doc._id}:${tag}`, n: doc.n } })),
  },
});

const toy = toyEvents('counter');
const event = (type: string, key: string, tag?: string) => toy(type, { key, ...(tag ? { tag } : {}) });

/** Records what the engine asks of each collection inside its transactions. */
const recording = (store: ReadStore) => recordingStore(store, ['findByIds', 'upsertMany', 'deleteMany']);

describe('ProjectionEngine', () => {
  let dir: string;
  let store: SqliteReadStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'engine-'));
    store = new SqliteReadStore({ filename: join(dir, 'r.db'), normalizeText });
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

  it('hands each projection only the events it handles, and says how many documents it wrote', async () => {
    const engine = new ProjectionEngine(store, [counters]);
    expect(await engine.applyBatch([event('Opened', 'a'), event('Opened', 'b'), event('Ignored', 'c')])).toBe(
      2,
    );
    expect(await engine.applyBatch([event('Noticed', 'a'), event('Ignored', 'a')])).toBe(0);
    expect(await engine.applyBatch([event('Bumped', 'a'), event('Closed', 'b')])).toBe(2);
    expect((await all('counters')).map((doc) => [doc._id, doc.n])).toEqual([['a', 1]]);
  });

  it('keeps its checkpoints in the collection it is given, applying a batch delivered twice once', async () => {
    const engine = new ProjectionEngine(store, [counters], { checkpoints: 'reactor_checkpoints' });
    const batch = [event('Opened', 'k'), event('Bumped', 'k')];
    await engine.applyBatch(batch);
    expect(await engine.applyBatch(batch)).toBe(0);

    expect(await all('reactor_checkpoints')).toEqual([
      { _id: 'counters', position: batch[1].position, prepare: batch[1].position },
    ]);
    expect(await all(CHECKPOINTS_COLLECTION)).toEqual([]);
    expect(await engine.resumeCheckpoint()).toEqual({
      position: batch[1].position,
      prepare: batch[1].position,
    });
    expect((await all('counters')).map((doc) => [doc._id, doc.n])).toEqual([['k', 1]]);
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

  it('keeps what a retained collection ever derived: dropped later, within a batch, or with its document', async () => {
    const engine = new ProjectionEngine(store, [logged]);
    await engine.applyBatch([
      event('Opened', 'k'),
      event('Tagged', 'k', 'a'),
      event('Untagged', 'k', 'a'), // derived for one event only, within the batch: still logged
      event('Tagged', 'k', 'b'),
    ]);
    expect(await all('tag_log')).toEqual([
      { _id: 'k:a', n: 0 },
      { _id: 'k:b', n: 0 },
    ]);

    await engine.applyBatch([event('Bumped', 'k'), event('Untagged', 'k', 'b'), event('Tagged', 'k', 'c')]);
    // k:b was derived again with n = 1 before it was dropped: written as that state left it.
    expect(await all('tag_log')).toEqual([
      { _id: 'k:a', n: 0 },
      { _id: 'k:b', n: 1 },
      { _id: 'k:c', n: 1 },
    ]);

    await engine.applyBatch([event('Closed', 'k')]);
    expect(await all('logged')).toEqual([]);
    expect((await all('tag_log')).map((doc) => doc._id)).toEqual(['k:a', 'k:b', 'k:c']);
  });

  it('writes a retained collection alike, whatever the batches', async () => {
    const history = [
      event('Opened', 'k'),
      ...['a', 'b', 'c'].flatMap((tag) => [
        event('Tagged', 'k', tag),
        event('Bumped', 'k'),
        event('Untagged', 'k', tag),
      ]),
    ];
    const oneByOne = new SqliteReadStore({ filename: join(dir, 'one-by-one.db'), normalizeText });
    try {
      const engine = new ProjectionEngine(oneByOne, [logged]);
      for (const e of history) await engine.applyBatch([e]);
      await new ProjectionEngine(store, [logged]).applyBatch(history);
      const log = (s: ReadStore) => s.collection('tag_log').find({}, { sort: [['_id', 1]] });
      expect(await log(store)).toEqual(await log(oneByOne));
      expect(await log(store)).toEqual([
        { _id: 'k:a', n: 1 },
        { _id: 'k:b', n: 2 },
        { _id: 'k:c', n: 3 },
      ]);
    } finally {
      await oneByOne.close();
    }
  });

  it('skips the events whose documentId is null, for that projection only', async () => {
    const engine = new ProjectionEngine(store, [logged, counters]);
    expect(await engine.applyBatch([event('Opened', 'k'), event('Opened', ''), event('Bumped', '')])).toBe(3);
    expect((await all('logged')).map((doc) => [doc._id, doc.n])).toEqual([['k', 0]]);
    expect((await all('counters')).map((doc) => [doc._id, doc.n])).toEqual([
      ['', 1],
      ['k', 0],
    ]);
  });
});
