import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore, type EventStore } from '@dossiers/event-store';
import { normalizeText } from '@dossiers/domain';
import {
  CLIENTS_COLLECTION,
  FOLDER_ACCESS_COLLECTION,
  HISTORY_SNAPSHOT_BODIES_COLLECTION,
  HISTORY_SNAPSHOTS_COLLECTION,
  HistorySnapshotter,
} from '@dossiers/read-models';
import { SqliteReadStore } from '@dossiers/read-store';
import { renamedClientEvent } from '../../../../libs/read-models/src/testing/renamed-client';
import { ClientFolds } from './client-folds';
import type { HistoryPoint } from './time-travel.query';

/** 2,500 events in appends of 10, the n-th append recorded at START + n seconds. */
const START = Date.parse('2026-03-03T09:00:00.000Z');
const EVENTS = 2_500;
const PER_APPEND = 10;
const clientId = randomUUID();
const instantOf = (revision: number) =>
  new Date(START + Math.floor(revision / PER_APPEND) * 1000).toISOString();

const event = (revision: number) => renamedClientEvent(clientId, revision);

describe('ClientFolds', () => {
  let dir: string;
  let store: SqliteEventStore;
  /** no snapshot in it */
  let empty: SqliteReadStore;
  /** the snapshots of the whole stream */
  let snapshotted: SqliteReadStore;
  let counting: EventStore;
  let read: number[];
  let folds: ClientFolds;
  const clientAt = async (point: HistoryPoint) => {
    const { collections, revision } = await folds.at(clientId, point);
    const [client] = collections.get(CLIENTS_COLLECTION)!;
    return { revision, name: client?.name, revisionOfDoc: client?.revision };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'client-folds-'));
    let now = START;
    store = new SqliteEventStore({
      filename: join(dir, 'events.db'),
      synchronous: 'NORMAL',
      clock: () => now,
    });
    for (let from = 0; from < EVENTS; from += PER_APPEND) {
      now = START + (from / PER_APPEND) * 1000;
      const events = Array.from({ length: PER_APPEND }, (_, i) => event(from + i));
      await store.append(`client-${clientId}`, events, from === 0 ? 'no_stream' : from - 1);
    }
    empty = new SqliteReadStore({ filename: join(dir, 'empty.db'), normalizeText });
    snapshotted = new SqliteReadStore({ filename: join(dir, 'snapshots.db'), normalizeText });
    await new HistorySnapshotter(store, snapshotted).handle(await store.readAll());
  });
  afterAll(async () => {
    await Promise.all([store.close(), empty.close(), snapshotted.close()]);
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    read = [];
    // Counts the events each read hands over.
    counting = Object.create(store);
    counting.readStream = async (...args) => {
      const events = await store.readStream(...args);
      read.push(events.length);
      return events;
    };
    folds = new ClientFolds(counting, empty);
  });

  it('folds the events recorded up to an instant, inclusive', async () => {
    expect(await clientAt({ asOf: instantOf(1500) })).toEqual({
      revision: 1509,
      name: 'Name 1509',
      revisionOfDoc: 1509,
    });
    const justBefore = new Date(Date.parse(instantOf(1500)) - 1).toISOString();
    expect(await clientAt({ asOf: justBefore })).toMatchObject({ revision: 1499, name: 'Name 1499' });
    expect(await clientAt({ asOf: '2030-01-01T00:00:00+02:00' })).toMatchObject({ revision: EVENTS - 1 });
  });

  it('folds the events up to a revision, inclusive; past the end, all of them', async () => {
    expect(await clientAt({ asOfRevision: 0 })).toEqual({ revision: 0, name: 'Name 0', revisionOfDoc: 0 });
    expect(await clientAt({ asOfRevision: 1234 })).toMatchObject({ revision: 1234, name: 'Name 1234' });
    expect(await clientAt({ asOfRevision: 99_999 })).toMatchObject({ revision: EVENTS - 1 });
  });

  it('answers every collection empty before the first event', async () => {
    const before = await folds.at(clientId, { asOf: new Date(START - 1).toISOString() });
    expect(before.revision).toBe(-1);
    expect(before.collections.get(CLIENTS_COLLECTION)).toEqual([]);
    expect(before.collections.get(FOLDER_ACCESS_COLLECTION)).toEqual([]);
  });

  it('reads only up to the point, then continues from the states kept every 500 revisions', async () => {
    await clientAt({ asOfRevision: 2400 });
    expect(read).toEqual([500, 500, 500, 500, 401]);

    read = [];
    expect(await clientAt({ asOfRevision: 2300 })).toMatchObject({ name: 'Name 2300' });
    expect(read).toEqual([301]); // from the state at 1999

    read = [];
    expect(await clientAt({ asOf: instantOf(1200) })).toMatchObject({ revision: 1209 });
    expect(read).toEqual([500]); // from the state at 999: one read finds where the instant falls

    read = [];
    expect(await clientAt({ asOfRevision: 300 })).toMatchObject({ name: 'Name 300' });
    expect(read).toEqual([301]); // nothing kept before it
  });

  it("starts from the projector's snapshots: the first query of a client reads fewer than 500 events", async () => {
    folds = new ClientFolds(counting, snapshotted);
    expect(await clientAt({ asOfRevision: 2400 })).toMatchObject({ revision: 2400, name: 'Name 2400' });
    expect(read).toEqual([401]); // from the snapshot at 1999

    read = [];
    folds = new ClientFolds(counting, snapshotted);
    expect(await clientAt({ asOf: instantOf(1200) })).toMatchObject({ revision: 1209, name: 'Name 1209' });
    expect(read).toEqual([500]); // from the snapshot at 999, the one before the instant

    read = [];
    folds = new ClientFolds(counting, snapshotted);
    expect(await clientAt({ asOf: '2030-01-01T00:00:00Z' })).toMatchObject({ revision: EVENTS - 1 });
    expect(read).toEqual([0]); // the snapshot at 2499 is the last event: one read finds nothing after it
  });

  it('answers from the snapshots exactly as from the first event, at any point', async () => {
    const points: HistoryPoint[] = [
      ...[0, 1, 498, 499, 500, 998, 999, 1000, 1777, 2498, 2499, 9999].map((asOfRevision) => ({
        asOfRevision,
      })),
      ...[0, 499, 500, 1234, 2499].map((revision) => ({ asOf: instantOf(revision) })),
      { asOf: new Date(Date.parse(instantOf(1000)) - 1).toISOString() },
    ];
    for (const point of points) {
      const fromSnapshots = await new ClientFolds(store, snapshotted).at(clientId, point);
      const fromStart = await new ClientFolds(store, empty).at(clientId, point);
      expect([point, fromSnapshots]).toEqual([point, fromStart]);
    }
  });

  it('folds from an earlier snapshot when one is of another format or has lost its body', async () => {
    const refs = snapshotted.collection(HISTORY_SNAPSHOTS_COLLECTION);
    const bodies = snapshotted.collection(HISTORY_SNAPSHOT_BODIES_COLLECTION);
    const ref1999 = (await refs.findById(`${clientId}:1999`))!;
    const body1499 = (await bodies.findById(`${clientId}:1499#0`))!;
    try {
      await refs.upsert({ ...ref1999, format: -1 });
      await bodies.delete(`${clientId}:1499#0`);
      folds = new ClientFolds(counting, snapshotted);
      expect(await clientAt({ asOfRevision: 2400 })).toMatchObject({ name: 'Name 2400' });
      // 1999 of another format is passed over, and 1499, whose body is gone, for 999.
      expect(read).toEqual([500, 500, 401]);
    } finally {
      await refs.upsert(ref1999);
      await bodies.upsert(body1499);
    }
  });
});
