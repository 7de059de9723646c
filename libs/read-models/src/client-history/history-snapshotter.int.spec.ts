import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { clientDownloadsStreamId, clientStreamId, normalizeText } from '@dossiers/domain';
import { SqliteEventStore, type EventStore } from '@dossiers/event-store';
import { SqliteReadStore } from '@dossiers/read-store';
import { foldedCollections } from '../projection/fold';
import { renamedClientEvent } from '../testing/renamed-client';
import { foldClientHistory, HISTORY_START, TIME_TRAVEL_PROJECTIONS } from './client-history';
import {
  HISTORY_SNAPSHOT_BODIES_COLLECTION,
  HISTORY_SNAPSHOT_FORMAT,
  HISTORY_SNAPSHOTS_COLLECTION,
  HistorySnapshots,
  pieces,
  type SnapshotRef,
} from './history-snapshots';
import {
  HISTORY_SNAPSHOTTER_CHECKPOINTS,
  HistorySnapshotter,
  resetHistorySnapshots,
} from './history-snapshotter';

describe('HistorySnapshotter', () => {
  let dir: string;
  let eventStore: SqliteEventStore;
  let readStore: SqliteReadStore;
  const [a, b] = [randomUUID(), randomUUID()];
  const lengths = new Map<string, number>();
  const errors: object[] = [];
  const logger = { error: (entry: object) => errors.push(entry) };

  /** `count` more events on the client's stream, in appends of 100. */
  const grow = async (clientId: string, count: number) => {
    const from = lengths.get(clientId) ?? 0;
    for (let at = from; at < from + count; at += 100) {
      const events = Array.from({ length: Math.min(100, from + count - at) }, (_, i) =>
        renamedClientEvent(clientId, at + i),
      );
      await eventStore.append(clientStreamId(clientId), events, at === 0 ? 'no_stream' : at - 1);
    }
    lengths.set(clientId, from + count);
  };
  const refs = async () =>
    (await readStore.collection<SnapshotRef>(HISTORY_SNAPSHOTS_COLLECTION).find({}))
      .map((ref) => `${ref.clientId === a ? 'a' : 'b'}:${ref.revision}`)
      .sort();
  /** Runs the snapshotter's subscription until its checkpoint reaches the head. */
  const follow = async (snapshotter = new HistorySnapshotter(eventStore, readStore, { logger })) => {
    await snapshotter.start();
    const head = await eventStore.headPosition();
    const checkpoints = readStore.collection<{ _id: string; position: number; format: number }>(
      HISTORY_SNAPSHOTTER_CHECKPOINTS,
    );
    const caughtUp = async () => {
      const [checkpoint] = await checkpoints.find({});
      return checkpoint?.format === HISTORY_SNAPSHOT_FORMAT && checkpoint.position >= head;
    };
    while (!(await caughtUp())) await new Promise((r) => setTimeout(r, 5));
    await snapshotter.stop();
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'history-snapshots-'));
    eventStore = new SqliteEventStore({ filename: join(dir, 'events.db'), synchronous: 'NORMAL' });
    readStore = new SqliteReadStore({ filename: join(dir, 'read.db'), normalizeText });
    await grow(a, 1200);
    await grow(b, 600);
    // Another stream of client a, as long: its revisions are not the client's.
    const downloads = Array.from({ length: 1000 }, (_, i) => ({
      ...renamedClientEvent(a, i + 1),
      type: 'FileDownloaded',
    }));
    await eventStore.append(clientDownloadsStreamId(a), downloads, 'no_stream');
  });
  afterAll(async () => {
    await Promise.all([eventStore.close(), readStore.close()]);
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => (errors.length = 0));

  it("keeps a snapshot at every 500th revision of each client's stream, equal to the fold from the start", async () => {
    const asked = jest.spyOn(HistorySnapshotter.prototype, 'snapshotAt');
    try {
      await follow();
      // Only the clients' own streams: not the 1,500 downloads of client a.
      expect(asked.mock.calls).toEqual([
        [a, 499],
        [a, 999],
        [b, 499],
      ]);
    } finally {
      asked.mockRestore();
    }
    expect(await refs()).toEqual(['a:499', 'a:999', 'b:499']);
    const snapshots = new HistorySnapshots(readStore);
    for (const [clientId, revision] of [
      [a, 999],
      [b, 499],
    ] as const) {
      const ref = await snapshots.latest(clientId, { lastRevision: revision, instant: Infinity });
      const stored = (await snapshots.load(ref!))!;
      const folded = await foldClientHistory(eventStore, clientId, HISTORY_START, {
        lastRevision: revision,
        instant: Infinity,
      });
      expect(stored.revision).toBe(revision);
      expect(stored.recordedAt).toBe(folded.recordedAt);
      expect(foldedCollections(TIME_TRAVEL_PROJECTIONS, stored.docs)).toEqual(
        foldedCollections(TIME_TRAVEL_PROJECTIONS, folded.docs),
      );
    }
    expect(errors).toEqual([]);
  });

  it('resumes from its checkpoint: a restart makes only the snapshots of the new events', async () => {
    await follow();
    await grow(b, 400);
    const saves = jest.spyOn(HistorySnapshots.prototype, 'save');
    try {
      await follow();
      expect(saves.mock.calls.map(([clientId, state]) => [clientId, state.revision])).toEqual([[b, 999]]);
    } finally {
      saves.mockRestore();
    }
    expect(await refs()).toEqual(['a:499', 'a:999', 'b:499', 'b:999']);
  });

  it('makes the snapshots missing before the one it makes, folding from the start when none is left', async () => {
    await resetHistorySnapshots(readStore);
    expect(await refs()).toEqual([]);
    const read: number[] = [];
    const counting: EventStore = Object.create(eventStore);
    counting.readStream = async (...args) => {
      const events = await eventStore.readStream(...args);
      read.push(events.length);
      return events;
    };
    await new HistorySnapshotter(counting, readStore, { logger }).snapshotAt(a, 999);
    expect(await refs()).toEqual(['a:499', 'a:999']);
    expect(read).toEqual([500, 500]);
    // Asked again: it is there, nothing is read.
    read.length = 0;
    await new HistorySnapshotter(counting, readStore, { logger }).snapshotAt(a, 999);
    expect(read).toEqual([]);
  });

  it('logs a snapshot that fails or is too large, and goes on with the batch and its checkpoint', async () => {
    await resetHistorySnapshots(readStore);
    const failing: EventStore = Object.create(eventStore);
    let failures = 1;
    failing.readStream = async (...args) => {
      if (failures-- > 0) throw new Error('disk unplugged');
      return eventStore.readStream(...args);
    };
    const events = await eventStore.readAll();
    await new HistorySnapshotter(failing, readStore, { logger }).handle(events);
    // The first (a:499) failed; a:999 then folded from the start and kept both.
    expect(errors).toEqual([
      expect.objectContaining({ clientId: a, revision: 499, err: 'Error: disk unplugged' }),
    ]);
    expect(await refs()).toEqual(['a:499', 'a:999', 'b:499', 'b:999']);
    const [checkpoint] = await readStore
      .collection<{ _id: string; position: number }>(HISTORY_SNAPSHOTTER_CHECKPOINTS)
      .find({});
    expect(checkpoint.position).toBe(events[events.length - 1].position);

    await resetHistorySnapshots(readStore);
    errors.length = 0;
    await new HistorySnapshotter(eventStore, readStore, { logger, maxSnapshotChars: 100 }).handle(events);
    expect(await refs()).toEqual([]);
    expect(errors).toContainEqual(
      expect.objectContaining({ message: 'history snapshot too large to keep', clientId: b, revision: 999 }),
    );
  });

  it('starts from the beginning when its checkpoint is of another format, and again after a failed start', async () => {
    await resetHistorySnapshots(readStore);
    // Left at the head by snapshots of another format: they would never be made again.
    const head = await eventStore.headPosition();
    await readStore.collection(HISTORY_SNAPSHOTTER_CHECKPOINTS).upsert({
      _id: 'history-snapshotter',
      position: head,
      prepare: head,
      format: HISTORY_SNAPSHOT_FORMAT - 1,
    });
    // The first subscription refused, as by an event store not reachable yet.
    const refusing: EventStore = Object.create(eventStore);
    let refusals = 1;
    refusing.subscribe = (options) => {
      if (refusals-- > 0) throw new Error('connection refused');
      return eventStore.subscribe(options);
    };
    const snapshotter = new HistorySnapshotter(refusing, readStore, { logger });
    await follow(snapshotter);
    expect(errors).toEqual([expect.objectContaining({ err: 'Error: connection refused', retryInMs: 500 })]);
    expect(await refs()).toEqual(['a:499', 'a:999', 'b:499', 'b:999']);
  });

  it('stores a body in chunks, never splitting a character, and reads it back whole', async () => {
    expect(pieces('ab\u{1F600}cd', 3)).toEqual(['ab', '\u{1F600}c', 'd']);
    expect(pieces('abcdef', 3)).toEqual(['abc', 'def']);
    const snapshots = new HistorySnapshots(readStore, { chunkChars: 50 });
    const bound = { lastRevision: 499, instant: Infinity };
    const state = await foldClientHistory(eventStore, b, HISTORY_START, bound);
    const renamed = new Map(state.docs.docs);
    const [[name, docs]] = [...renamed].filter(([, d]) => d.has(b));
    renamed.set(name, new Map([[b, { ...docs.get(b)!, name: '\u{1F600}'.repeat(40) + ' Société' }]]));
    const odd = { ...state, docs: { ...state.docs, docs: renamed } };
    expect(await snapshots.save(b, odd)).toBe(true);
    const chunks = await readStore.collection(HISTORY_SNAPSHOT_BODIES_COLLECTION).count({});
    expect(chunks).toBeGreaterThan(10);
    expect(await snapshots.latestState(b, bound)).toEqual(odd);
    // Already had: not read again.
    expect(await snapshots.latestState(b, bound, 499)).toBeNull();
  });
});
