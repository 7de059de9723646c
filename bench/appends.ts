import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore, type ExpectedRevision } from '@dossiers/event-store';
import type { NewEvent } from '@dossiers/events';
import { log, median, newEvent, nowMs } from './util';

/**
 * The event store's table, copied from libs/event-store/src/sqlite/sqlite-event-store.ts: same
 * columns, AUTOINCREMENT key and the same two UNIQUE indexes, so the raw figure pays the same
 * b-tree writes per row.
 */
const INDEXED_TABLE = `
  CREATE TABLE events (
    position       INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_id      TEXT    NOT NULL,
    revision       INTEGER NOT NULL,
    event_id       TEXT    NOT NULL,
    type           TEXT    NOT NULL,
    schema_version INTEGER NOT NULL,
    data           TEXT    NOT NULL,
    metadata       TEXT    NOT NULL,
    UNIQUE (stream_id, revision),
    UNIQUE (stream_id, event_id)
  )`;

/** The same columns without the two UNIQUE indexes: for reference only. */
const BARE_TABLE = `
  CREATE TABLE events (
    position       INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_id      TEXT    NOT NULL,
    revision       INTEGER NOT NULL,
    event_id       TEXT    NOT NULL,
    type           TEXT    NOT NULL,
    schema_version INTEGER NOT NULL,
    data           TEXT    NOT NULL,
    metadata       TEXT    NOT NULL
  )`;

/** Each writer's streams get this many events: a tenth of the appends create a stream. */
const EVENTS_PER_STREAM = 10;
export const CONCURRENT_WRITERS = 32;

export interface AppendFigures {
  /** appends per second, median of the rounds */
  rawIndexed: number;
  rawBare: number;
  sequential: number;
  concurrent: number;
  /** appends per committed transaction (stats()), median of the rounds */
  sequentialPerTransaction: number;
  concurrentPerTransaction: number;
  rounds: number;
  secondsPerMeasurement: number;
  /** every round's figures, for the record */
  all: Record<'rawIndexed' | 'rawBare' | 'sequential' | 'concurrent', number[]>;
}

/** The i-th single-event append of writer w: its stream, expected revision and event. */
function nthAppend(w: number, i: number): { streamId: string; expected: ExpectedRevision; event: NewEvent } {
  const clientId = `w${w}-s${Math.floor(i / EVENTS_PER_STREAM)}`;
  const revision = i % EVENTS_PER_STREAM;
  const occurredAt = new Date().toISOString();
  const event =
    revision === 0
      ? newEvent(
          'ClientCreated',
          {
            clientId,
            name: `Boulangerie Lefèvre SARL ${clientId}`,
            groupId: null,
            attributes: { siren: '552120222', since: '2019-04-01', employees: 12, city: 'Lyon' },
          },
          occurredAt,
        )
      : newEvent(
          'ClientAttributesChanged',
          { clientId, set: { employees: 12 + revision }, removed: [] },
          occurredAt,
        );
  return {
    streamId: `client-${clientId}`,
    expected: revision === 0 ? 'no_stream' : revision - 1,
    event,
  };
}

function openRaw(filename: string, schema: string) {
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(schema);
  const insert = db.prepare(
    `INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  // One row per transaction, IMMEDIATE like the store's; the event is serialised as the store does.
  const appendOne = db.transaction((w: number, i: number) => {
    const { streamId, event } = nthAppend(w, i);
    insert.run(
      streamId,
      i % EVENTS_PER_STREAM,
      event.id,
      event.type,
      event.schemaVersion,
      JSON.stringify(event.data),
      JSON.stringify(event.metadata),
    );
  });
  return { db, append: (i: number) => appendOne.immediate(0, i) };
}

function measureRaw(filename: string, schema: string, seconds: number): number {
  const raw = openRaw(filename, schema);
  let i = 0;
  for (; i < 50; i++) raw.append(i); // warm-up
  const start = nowMs();
  const deadline = start + seconds * 1000;
  let count = 0;
  while (nowMs() < deadline) {
    raw.append(i++);
    count++;
  }
  const elapsed = nowMs() - start;
  raw.db.close();
  return (count / elapsed) * 1000;
}

async function measureStore(
  filename: string,
  writers: number,
  seconds: number,
): Promise<{ perSecond: number; perTransaction: number }> {
  const store = new SqliteEventStore({ filename, synchronous: 'FULL' });
  const warmUp = 20;
  for (let i = 0; i < warmUp; i++) {
    const { streamId, expected, event } = nthAppend(1000, i);
    await store.append(streamId, [event], expected);
  }
  const before = store.stats();
  const start = nowMs();
  const deadline = start + seconds * 1000;
  const counts = await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      let i = 0;
      while (nowMs() < deadline) {
        const { streamId, expected, event } = nthAppend(w, i);
        await store.append(streamId, [event], expected);
        i++;
      }
      return i;
    }),
  );
  const elapsed = nowMs() - start;
  const after = store.stats();
  await store.close();
  const total = counts.reduce((a, b) => a + b, 0);
  if (after.appends - before.appends !== total) throw new Error('stats() disagrees with the appends made');
  return {
    perSecond: (total / elapsed) * 1000,
    perTransaction: (after.appends - before.appends) / (after.transactions - before.transactions),
  };
}

function removeDb(filename: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(filename + suffix, { force: true });
}

export async function benchAppends(dir: string, rounds = 3, seconds = 2): Promise<AppendFigures> {
  const all = {
    rawIndexed: [] as number[],
    rawBare: [] as number[],
    sequential: [] as number[],
    concurrent: [] as number[],
  };
  const perTx = { sequential: [] as number[], concurrent: [] as number[] };
  for (let round = 1; round <= rounds; round++) {
    // Interleaved, so that a slow spell of the disk hits every variant alike.
    let file = join(dir, `raw-indexed-${round}.db`);
    all.rawIndexed.push(measureRaw(file, INDEXED_TABLE, seconds));
    removeDb(file);

    file = join(dir, `raw-bare-${round}.db`);
    all.rawBare.push(measureRaw(file, BARE_TABLE, seconds));
    removeDb(file);

    file = join(dir, `store-seq-${round}.db`);
    const sequential = await measureStore(file, 1, seconds);
    all.sequential.push(sequential.perSecond);
    perTx.sequential.push(sequential.perTransaction);
    removeDb(file);

    file = join(dir, `store-concurrent-${round}.db`);
    const concurrent = await measureStore(file, CONCURRENT_WRITERS, seconds);
    all.concurrent.push(concurrent.perSecond);
    perTx.concurrent.push(concurrent.perTransaction);
    removeDb(file);

    log(
      `appends round ${round}/${rounds}: raw ${all.rawIndexed.at(-1)!.toFixed(0)}/s, bare ${all.rawBare.at(-1)!.toFixed(0)}/s, ` +
        `sequential ${sequential.perSecond.toFixed(0)}/s, ${CONCURRENT_WRITERS} writers ${concurrent.perSecond.toFixed(0)}/s ` +
        `(${concurrent.perTransaction.toFixed(1)} appends/tx)`,
    );
  }
  return {
    rawIndexed: median(all.rawIndexed),
    rawBare: median(all.rawBare),
    sequential: median(all.sequential),
    concurrent: median(all.concurrent),
    sequentialPerTransaction: median(perTx.sequential),
    concurrentPerTransaction: median(perTx.concurrent),
    rounds,
    secondsPerMeasurement: seconds,
    all,
  };
}
