import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore, SQLITE_EVENTS_SCHEMA, type ExpectedRevision } from '@dossiers/event-store';
import type { NewEvent } from '@dossiers/events';
import { log, newEvent, nowMs } from './util';

/** The event store's own table: same columns, AUTOINCREMENT key and two UNIQUE indexes, so the raw figure pays the same b-tree writes per row. */
const INDEXED_TABLE = SQLITE_EVENTS_SCHEMA;

/** The same columns without the two UNIQUE indexes: for reference only. */
const BARE_TABLE = SQLITE_EVENTS_SCHEMA.replace(/,\s*UNIQUE \([^)]*\)/g, '');

/** Each writer's streams get this many events: a tenth of the appends create a stream. */
const EVENTS_PER_STREAM = 10;
export const CONCURRENT_WRITERS = 32;

export interface AppendFigures {
  /** appends per second over all of a variant's turns */
  rawIndexed: number;
  rawBare: number;
  /** raw, CONCURRENT_WRITERS rows per transaction: what group commit could reach at best */
  rawBatched: number;
  sequential: number;
  concurrent: number;
  /** appends per committed transaction, from stats() */
  sequentialPerTransaction: number;
  concurrentPerTransaction: number;
  rounds: number;
  secondsPerMeasurement: number;
  /** appends per second of every turn, for the spread */
  all: Record<VariantName, number[]>;
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
  // IMMEDIATE like the store's transactions; each event is serialised as the store does.
  const insertRows = db.transaction((writers: number, i: number) => {
    for (let w = 0; w < writers; w++) {
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
    }
  });
  return { db, insertRows: (writers: number, i: number) => insertRows.immediate(writers, i) };
}

interface Variant {
  /** runs appends until the deadline; how many it made */
  slice(deadline: number): Promise<number>;
  /** appends per committed transaction so far, when the variant can tell */
  perTransaction(): number | undefined;
  close(): Promise<void>;
}

/** Transactions of `rowsPerTransaction` rows, each row in another writer's stream. */
function rawVariant(filename: string, schema: string, rowsPerTransaction = 1): Variant {
  const raw = openRaw(filename, schema);
  let i = 0;
  for (; i < 50; i++) raw.insertRows(rowsPerTransaction, i); // warm-up
  return {
    async slice(deadline) {
      let count = 0;
      while (nowMs() < deadline) {
        raw.insertRows(rowsPerTransaction, i++);
        count += rowsPerTransaction;
      }
      return count;
    },
    perTransaction: () => rowsPerTransaction,
    close: async () => {
      raw.db.close();
    },
  };
}

async function storeVariant(filename: string, writers: number): Promise<Variant> {
  const store = new SqliteEventStore({ filename, synchronous: 'FULL' });
  const next = Array.from({ length: writers }, () => 0);
  const appendNext = (w: number) => {
    const { streamId, expected, event } = nthAppend(w, next[w]++);
    return store.append(streamId, [event], expected);
  };
  for (let i = 0; i < 20; i++) await appendNext(0); // warm-up
  const before = store.stats();
  return {
    async slice(deadline) {
      const counts = await Promise.all(
        next.map(async (_, w) => {
          let count = 0;
          while (nowMs() < deadline) {
            await appendNext(w);
            count++;
          }
          return count;
        }),
      );
      return counts.reduce((a, b) => a + b, 0);
    },
    perTransaction() {
      const after = store.stats();
      return (after.appends - before.appends) / (after.transactions - before.transactions);
    },
    close: () => store.close(),
  };
}

type VariantName = 'rawIndexed' | 'rawBare' | 'rawBatched' | 'sequential' | 'concurrent';

/**
 * The four variants run in turns of `sliceSeconds`, `rounds` times over, each on its own file: the
 * fsync latency of a virtual disk drifts by 2x within seconds, and taking turns spreads that drift
 * over all of them, so their ratios hold even when the absolute figures move.
 */
export async function benchAppends(dir: string, rounds = 10, sliceSeconds = 0.5): Promise<AppendFigures> {
  const variants: Record<VariantName, Variant> = {
    rawIndexed: rawVariant(join(dir, 'raw-indexed.db'), INDEXED_TABLE),
    rawBare: rawVariant(join(dir, 'raw-bare.db'), BARE_TABLE),
    rawBatched: rawVariant(join(dir, 'raw-batched.db'), INDEXED_TABLE, CONCURRENT_WRITERS),
    sequential: await storeVariant(join(dir, 'store-sequential.db'), 1),
    concurrent: await storeVariant(join(dir, 'store-concurrent.db'), CONCURRENT_WRITERS),
  };
  const names = Object.keys(variants) as VariantName[];
  const totals = Object.fromEntries(names.map((n) => [n, { count: 0, ms: 0 }])) as Record<
    VariantName,
    { count: number; ms: number }
  >;
  const all = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<VariantName, number[]>;
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      const start = nowMs();
      const count = await variants[name].slice(start + sliceSeconds * 1000);
      const ms = nowMs() - start; // the last concurrent appends end a little after the deadline
      totals[name].count += count;
      totals[name].ms += ms;
      all[name].push((count / ms) * 1000);
    }
  }
  const perSecond = (name: VariantName) => (totals[name].count / totals[name].ms) * 1000;
  const figures: AppendFigures = {
    rawIndexed: perSecond('rawIndexed'),
    rawBare: perSecond('rawBare'),
    rawBatched: perSecond('rawBatched'),
    sequential: perSecond('sequential'),
    concurrent: perSecond('concurrent'),
    sequentialPerTransaction: variants.sequential.perTransaction()!,
    concurrentPerTransaction: variants.concurrent.perTransaction()!,
    rounds,
    secondsPerMeasurement: rounds * sliceSeconds,
    all,
  };
  for (const variant of Object.values(variants)) await variant.close();
  log(
    `appends: raw ${figures.rawIndexed.toFixed(0)}/s, bare ${figures.rawBare.toFixed(0)}/s, ` +
      `sequential ${figures.sequential.toFixed(0)}/s, ${CONCURRENT_WRITERS} writers ${figures.concurrent.toFixed(0)}/s ` +
      `(${figures.concurrentPerTransaction.toFixed(1)} appends/tx)`,
  );
  return figures;
}
