import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { NewEvent, RecordedEvent } from '@dossiers/events';
import { eventStoreContract } from '../event-store.contract';
import { WrongExpectedVersionError } from '../event-store.port';
import { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store';

eventStoreContract('SqliteEventStore', async () => {
  const { store, cleanup } = openTemporaryStore();
  return { store, cleanup };
});

describe('SqliteEventStore', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function temporaryStore(options: Partial<SqliteEventStoreOptions> = {}) {
    const opened = openTemporaryStore(options);
    cleanups.push(opened.cleanup);
    return opened;
  }

  it('commits the appends made in the same event-loop turn in one transaction', async () => {
    const { store } = temporaryStore();
    const before = store.stats();

    await Promise.all(
      Array.from({ length: 32 }, (_, i) => store.append(`stream-${i}`, [anEvent()], 'no_stream')),
    );

    expect(store.stats()).toEqual({ appends: before.appends + 32, transactions: before.transactions + 1 });
  });

  it('keeps each append of a batch to its own outcome, in order', async () => {
    const { store } = temporaryStore();

    const outcomes = await Promise.allSettled([
      store.append('a', [anEvent()], 'no_stream'),
      store.append('b', [anEvent()], 5),
      store.append('a', [anEvent(), anEvent()], 0), // sees the first append of the batch
      store.append('a', [anEvent()], 0), // so this one is now stale
      store.append(null as unknown as string, [anEvent()], 'no_stream'), // NOT NULL fails in SQLite itself, mid-write
      store.append('d', [anEvent()], 'no_stream'),
    ]);

    expect(store.stats().transactions).toBe(1);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect(reasonOf(outcomes[1])).toMatchObject({ streamId: 'b', actual: -1 });
    expect(reasonOf(outcomes[3])).toBeInstanceOf(WrongExpectedVersionError);
    expect(reasonOf(outcomes[3])).toMatchObject({ actual: 2 });
    expect(await revisions(store, 'a')).toEqual([0, 1, 2]);
    expect(await revisions(store, 'b')).toEqual([]);
    expect(await revisions(store, 'd')).toEqual([0]);
    expect(await store.headPosition()).toBe(4);
  });

  it('writes an id repeated within one append once', async () => {
    const { store } = temporaryStore();
    const repeated = anEvent();
    const result = await store.append('a', [repeated, anEvent(), repeated], 'no_stream');
    expect(result.nextRevision).toBe(1);
    expect((await store.readStream('a')).map((e) => e.id)).toEqual([repeated.id, expect.any(String)]);
  });

  it('writes only the new events of a partly retried append', async () => {
    const { store } = temporaryStore();
    const [first, second, third] = [anEvent(), anEvent(), anEvent()];
    await store.append('a', [first, second], 'no_stream');

    const result = await store.append('a', [second, third], 1);

    expect(result.nextRevision).toBe(2);
    expect((await store.readStream('a')).map((event) => event.id)).toEqual([first.id, second.id, third.id]);
  });

  it('keeps the events across closing and reopening the file, and goes on numbering after them', async () => {
    const { store, filename } = temporaryStore();
    const written = await store.append('a', [anEvent(), anEvent()], 'no_stream');
    await store.close();

    const reopened = new SqliteEventStore({ filename });
    cleanups.push(() => reopened.close());

    expect(await revisions(reopened, 'a')).toEqual([0, 1]);
    expect(await reopened.headPosition()).toBe(written.position);
    const next = await reopened.append('b', [anEvent()], 'no_stream');
    expect(next.position).toBeGreaterThan(written.position);
  });

  it('commits the appends already accepted when closed', async () => {
    const { store, filename } = temporaryStore();
    const accepted = store.append('a', [anEvent()], 'no_stream');
    await store.close();

    await expect(accepted).resolves.toMatchObject({ nextRevision: 0 });
    await expect(store.append('a', [anEvent()], 0)).rejects.toThrow('closed');
    const reopened = new SqliteEventStore({ filename });
    cleanups.push(() => reopened.close());
    expect(await revisions(reopened, 'a')).toEqual([0]);
  });

  it('records a batch at the clock, but never before the newest stored event when the clock steps back', async () => {
    let now = Date.parse('2026-03-03T10:00:00.000Z');
    const { store } = temporaryStore({ clock: () => now });
    await Promise.all([
      store.append('a', [anEvent()], 'no_stream'),
      store.append('b', [anEvent()], 'no_stream'),
    ]);
    now -= 60_000; // NTP steps the clock back a minute
    await store.append('a', [anEvent()], 0);
    now += 120_000;
    await store.append('a', [anEvent()], 1);

    const recorded = (await store.readAll()).map((event) => event.recordedAt);

    expect(recorded).toEqual([
      '2026-03-03T10:00:00.000Z',
      '2026-03-03T10:00:00.000Z',
      '2026-03-03T10:00:00.000Z',
      '2026-03-03T10:01:00.000Z',
    ]);
  });

  it('adds recorded_at to a database made before it, reading its old rows as their occurredAt', async () => {
    const { filename, directory } = temporaryFile();
    const old = new Database(filename);
    old.exec(OLD_SCHEMA);
    const event = anEvent();
    old
      .prepare(
        `INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata)
         VALUES ('a', 0, ?, 'SomethingHappened', 1, '{}', ?)`,
      )
      .run(event.id, JSON.stringify({ ...event.metadata, occurredAt: '2099-01-01T00:00:00.000Z' }));
    old.close();

    const store = new SqliteEventStore({ filename, clock: () => Date.parse('2026-03-03T10:00:00.000Z') });
    cleanups.push(async () => {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    });
    await store.append('a', [anEvent()], 0);

    // The old row's occurredAt (in the future here) still bounds the next instant from below.
    expect((await store.readStream('a')).map((e) => e.recordedAt)).toEqual([
      '2099-01-01T00:00:00.000Z',
      '2099-01-01T00:00:00.000Z',
    ]);
    const reopened = new SqliteEventStore({ filename });
    cleanups.push(() => reopened.close());
    expect(await revisions(reopened, 'a')).toEqual([0, 1]);
  });

  it('wakes its idle subscribers on its own appends, without waiting for the next poll', async () => {
    const { store } = temporaryStore({ pollIntervalMs: 60_000 });
    const received: RecordedEvent[] = [];
    const subscription = store.subscribe({ handler: async (events) => void received.push(...events) });
    await sleep(20); // caught up and idle

    await store.append('a', [anEvent()], 'no_stream');
    await waitUntil(() => received.length === 1, 1_000);
    await subscription.stop();

    expect(received).toHaveLength(1);
  });

  it('shows a subscriber the appends of another instance on the same file, by polling', async () => {
    const { store: writer, filename } = temporaryStore();
    const reader = new SqliteEventStore({ filename, pollIntervalMs: 20 });
    cleanups.push(() => reader.close());
    const received: RecordedEvent[] = [];
    const subscription = reader.subscribe({ handler: async (events) => void received.push(...events) });

    const appended = [anEvent(), anEvent()];
    await writer.append('a', appended.slice(0, 1), 'no_stream');
    await writer.append('a', appended.slice(1), 0);
    await waitUntil(() => received.length === 2);
    await subscription.stop();

    expect(received.map((event) => event.id)).toEqual(appended.map((event) => event.id));
  });
});

/** The events table as it was before recorded_at. */
const OLD_SCHEMA = `
  CREATE TABLE events (
    position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
    event_id TEXT NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL,
    metadata TEXT NOT NULL, UNIQUE (stream_id, revision), UNIQUE (stream_id, event_id)
  );
`;

function temporaryFile() {
  const directory = mkdtempSync(join(tmpdir(), 'event-store-'));
  return { directory, filename: join(directory, 'events.sqlite') };
}

function openTemporaryStore(options: Partial<SqliteEventStoreOptions> = {}) {
  const { directory, filename } = temporaryFile();
  const store = new SqliteEventStore({ filename, ...options });
  const cleanup = async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  };
  return { store, filename, cleanup };
}

function anEvent(): NewEvent {
  return {
    id: randomUUID(),
    type: 'SomethingHappened',
    schemaVersion: 1,
    data: {},
    metadata: {
      tenant: 'tenant-a',
      actor: 'test',
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: '2024-05-01T12:00:00.000Z',
    },
  };
}

async function revisions(store: SqliteEventStore, streamId: string): Promise<number[]> {
  return (await store.readStream(streamId)).map((event) => event.revision);
}

function reasonOf(outcome: PromiseSettledResult<unknown>): unknown {
  return outcome.status === 'rejected' ? outcome.reason : undefined;
}

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await sleep(5);
}
