import Database from 'better-sqlite3';
import type { EventMetadata, JsonObject, NewEvent, RecordedEvent } from '@dossiers/events';
import {
  AppendTooLargeError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeOptions,
  type Subscription,
  MAX_APPEND_BYTES,
  WrongExpectedVersionError,
  serialisedSize,
} from '../event-store.port';
import { PROCESS_WARNINGS, type EventStoreLogger } from '../event-store-logger';
import { satisfiesExpectedRevision } from '../expected-revision';
import { type Placement, withoutRepeats } from '../repeated-events';
import { CatchUpSubscription } from './catch-up-subscription';

export interface SqliteEventStoreOptions {
  /** Database file; ':memory:' works but cannot be shared with another instance. */
  filename: string;
  /** FULL (default) fsyncs every commit: the event store is the source of truth and an acknowledged event must survive a power cut. */
  synchronous?: 'FULL' | 'NORMAL';
  /** How often an idle subscription looks for events appended by another process (default 100 ms). */
  pollIntervalMs?: number;
  /** where a subscription without onError reports its failure (default: process warnings) */
  logger?: EventStoreLogger;
  /** the store's clock, read once per group commit for `recordedAt` (default: Date.now; tests set it) */
  clock?: () => number;
  /** told each group commit's size (metrics): its appends, and the events of those that succeeded */
  onGroupCommit?: (appends: number, events: number) => void;
  /**
   * false: commits never copy the write-ahead log into the database (SQLite's automatic checkpoint,
   * inside the COMMIT that takes it past 1,000 pages); something else must checkpoint the file, or
   * the log grows without bound (the platform's WalCheckpointer, off the main thread). Default true.
   */
  autoCheckpoint?: boolean;
}

export interface SqliteEventStoreStats {
  appends: number;
  /** Committed write transactions: fewer than appends when group commit batched them. */
  transactions: number;
}

/**
 * AUTOINCREMENT so that a position is never reused, even after deleting the newest rows: a reused
 * position would sit behind some reader's checkpoint and be skipped.
 * No streams table: a stream's head is one step down the (stream_id, revision) index, which also holds
 * the position (the rowid); a second table would cost one more b-tree write on every append.
 * `recorded_at` is NULL in rows written before it existed (added at open, see addRecordedAt).
 */
export const SQLITE_EVENTS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position       INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_id      TEXT    NOT NULL,
    revision       INTEGER NOT NULL,
    event_id       TEXT    NOT NULL,
    type           TEXT    NOT NULL,
    schema_version INTEGER NOT NULL,
    data           TEXT    NOT NULL,
    metadata       TEXT    NOT NULL,
    recorded_at    TEXT,
    UNIQUE (stream_id, revision),
    UNIQUE (stream_id, event_id)
  );
`;

/**
 * The columns an event is read back from, in this order. Rows come back as arrays (better-sqlite3's
 * raw mode): a rebuild reads every event, and an object per row cost a quarter of the read.
 */
const EVENT_COLUMNS =
  'position, stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at';
/** The same for a stream's reads, which know its id: NULL in its place spares a string per row. */
const STREAM_EVENT_COLUMNS = EVENT_COLUMNS.replace('stream_id', 'NULL');
type EventRow = [
  position: number,
  streamId: string | null,
  revision: number,
  eventId: string,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  recordedAt: string | null,
];

/** An event serialised when append() is called, so the caller may reuse its objects and the transaction stays short. */
interface EventToWrite {
  id: string;
  type: string;
  schemaVersion: number;
  data: string;
  metadata: string;
}

interface AppendRequest {
  streamId: string;
  events: EventToWrite[];
  expected: ExpectedRevision;
}

/** An append as its batch runs it: with the instant the whole batch is recorded at. */
interface TimedAppend extends AppendRequest {
  recordedAt: string;
}

interface PendingAppend extends AppendRequest {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

type Outcome = { result: AppendResult } | { error: unknown };

/** The head of a stream that does not exist. */
const ABSENT_STREAM: Placement = { revision: -1, position: 0 };
const UNLIMITED = -1; // SQLite reads a negative LIMIT as "no limit"

export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly pollIntervalMs: number;
  private readonly statements;
  /** Runs one append; nested inside the batch transaction it becomes a SAVEPOINT, so its failure is its own. */
  private readonly appendInSavepoint: Database.Transaction<(request: TimedAppend) => AppendResult>;
  private readonly commitBatch: Database.Transaction<(batch: PendingAppend[]) => Outcome[]>;
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private pending: PendingAppend[] = [];
  private closed = false;
  private readonly counters: SqliteEventStoreStats = { appends: 0, transactions: 0 };

  private readonly logger: EventStoreLogger;
  private readonly clock: () => number;
  private readonly onGroupCommit?: (appends: number, events: number) => void;

  constructor({
    filename,
    synchronous = 'FULL',
    pollIntervalMs = 100,
    logger = PROCESS_WARNINGS,
    clock = Date.now,
    onGroupCommit,
    autoCheckpoint = true,
  }: SqliteEventStoreOptions) {
    this.pollIntervalMs = pollIntervalMs;
    this.logger = logger;
    this.clock = clock;
    this.onGroupCommit = onGroupCommit;
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
    // Another process may hold the write lock for a moment: wait for it rather than fail.
    this.db.pragma('busy_timeout = 5000');
    if (!autoCheckpoint) this.db.pragma('wal_autocheckpoint = 0');
    this.db.exec(SQLITE_EVENTS_SCHEMA);
    this.addRecordedAt();

    this.statements = {
      streamHead: this.db.prepare<[string], Placement>(
        'SELECT revision, position FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
      ),
      storedEvent: this.db.prepare<[string, string], Placement>(
        'SELECT revision, position FROM events WHERE stream_id = ? AND event_id = ?',
      ),
      insertEvent: this.db.prepare<[string, number, string, string, number, string, string, string]>(
        `INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      // The newest row's instant (an old row's: its occurredAt), which the next batch must not precede.
      lastRecordedAt: this.db.prepare<[], { recordedAt: string | null }>(
        `SELECT COALESCE(recorded_at, json_extract(metadata, '$.occurredAt')) AS recordedAt
         FROM events ORDER BY position DESC LIMIT 1`,
      ),
      readForwards: this.db
        .prepare<[string, number, number], EventRow>(
          `SELECT ${STREAM_EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
        )
        .raw(),
      readBackwards: this.db
        .prepare<[string, number, number], EventRow>(
          `SELECT ${STREAM_EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
        )
        .raw(),
      readAll: this.db
        .prepare<[number, number], EventRow>(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
        )
        .raw(),
      headPosition: this.db.prepare<[], { position: number }>(
        'SELECT COALESCE(MAX(position), 0) AS position FROM events',
      ),
    };

    this.appendInSavepoint = this.db.transaction((request: TimedAppend) => this.appendNow(request));
    this.commitBatch = this.db.transaction((batch: PendingAppend[]) => {
      const recordedAt = this.recordingInstant();
      return batch.map((request): Outcome => {
        try {
          return { result: this.appendInSavepoint({ ...request, recordedAt }) };
        } catch (error) {
          // Some failures (I/O error, disk full) make SQLite roll back the whole transaction: carrying on
          // would run the next appends outside of it, so the batch fails as a whole.
          if (!this.db.inTransaction) throw error;
          return { error };
        }
      });
    });
  }

  append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('SqliteEventStore is closed'));
    let toWrite: EventToWrite[];
    try {
      toWrite = events.map(serialise);
    } catch (error) {
      return Promise.reject(error);
    }
    // The serialised form is appendSize's own measure, so it is not serialised twice.
    const bytes = toWrite.reduce(
      (sum, event) => sum + serialisedSize(event.type, event.data, event.metadata),
      0,
    );
    if (bytes > MAX_APPEND_BYTES) return Promise.reject(new AppendTooLargeError(streamId, bytes));
    return new Promise((resolve, reject) => {
      // Group commit: every append made before the event loop reaches its check phase shares one
      // transaction, hence one fsync. The first one of a batch schedules the commit.
      if (this.pending.length === 0) setImmediate(this.commitPending);
      this.pending.push({ streamId, events: toWrite, expected, resolve, reject });
    });
  }

  async readStream(
    streamId: string,
    { direction = 'forwards', fromRevision, maxCount = UNLIMITED }: ReadStreamOptions = {},
  ): Promise<RecordedEvent[]> {
    const rows =
      direction === 'forwards'
        ? this.statements.readForwards.all(streamId, fromRevision ?? 0, maxCount)
        : this.statements.readBackwards.all(streamId, fromRevision ?? Number.MAX_SAFE_INTEGER, maxCount);
    return rows.map((row) => toRecordedEvent(row, streamId));
  }

  async readAll({ after, maxCount = UNLIMITED }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAfter(after?.position ?? 0, maxCount);
  }

  subscribe(options: SubscribeOptions): Subscription {
    if (this.closed) throw new Error('SqliteEventStore is closed');
    const subscription = new CatchUpSubscription(this.readAfter, this.pollIntervalMs, options, this.logger);
    this.subscriptions.add(subscription);
    return {
      stop: async () => {
        await subscription.stop();
        this.subscriptions.delete(subscription);
      },
    };
  }

  async headPosition(): Promise<number> {
    return this.statements.headPosition.get()!.position;
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  /** Stops the subscriptions, commits the appends already accepted, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.commitPending();
    this.db.close();
  }

  /** Counters for tests and metrics. */
  stats(): SqliteEventStoreStats {
    return { ...this.counters };
  }

  private readonly readAfter = (position: number, maxCount: number): RecordedEvent[] =>
    this.statements.readAll.all(position, maxCount).map((row) => toRecordedEvent(row));

  /** An arrow function: it is handed to setImmediate as is. */
  private readonly commitPending = (): void => {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    let outcomes: Outcome[];
    try {
      // IMMEDIATE takes the write lock up front: a deferred transaction that reads, then writes, can
      // fail with SQLITE_BUSY when another process committed in between, and busy_timeout cannot help.
      outcomes = this.commitBatch.immediate(batch);
    } catch (error) {
      // The transaction itself failed (I/O error, disk full, lock timeout): nothing of the batch is stored.
      for (const request of batch) request.reject(error);
      return;
    }
    this.counters.transactions += 1;
    this.counters.appends += batch.length;
    this.onGroupCommit?.(
      batch.length,
      batch.reduce((events, request, i) => events + ('result' in outcomes[i] ? request.events.length : 0), 0),
    );
    outcomes.forEach((outcome, i) =>
      'result' in outcome ? batch[i].resolve(outcome.result) : batch[i].reject(outcome.error),
    );
    for (const subscription of this.subscriptions) subscription.wake();
  };

  /**
   * Databases created before `recorded_at` get the column (NULL in their rows, read as occurredAt).
   * Under the write lock, so that two processes opening the same old file do not both add it.
   */
  private addRecordedAt(): void {
    this.db
      .transaction(() => {
        const columns = this.db.pragma('table_info(events)') as { name: string }[];
        if (!columns.some((column) => column.name === 'recorded_at'))
          this.db.exec('ALTER TABLE events ADD COLUMN recorded_at TEXT');
      })
      .immediate();
  }

  /**
   * The batch's `recordedAt`: the clock, but never before the newest stored event's, so that it is
   * non-decreasing along the position even when the clock steps back (NTP) or another process on
   * the same file runs ahead. Read inside the IMMEDIATE transaction: no other writer in between.
   */
  private recordingInstant(): string {
    const last = this.statements.lastRecordedAt.get()?.recordedAt;
    const lastMs = last ? Date.parse(last) : Number.NaN;
    const now = this.clock();
    return new Date(Number.isNaN(lastMs) ? now : Math.max(now, lastMs)).toISOString();
  }

  /** Runs inside the batch transaction, after the appends queued before it, whose writes it sees. */
  private appendNow({ streamId, events, expected, recordedAt }: TimedAppend): AppendResult {
    const head = this.statements.streamHead.get(streamId) ?? ABSENT_STREAM;
    // A new stream holds no event yet: skip one lookup per event on the most common write.
    const deduplicated = withoutRepeats(events, (id) =>
      head.revision === -1 ? undefined : this.statements.storedEvent.get(streamId, id),
    );
    if ('retried' in deduplicated) return deduplicated.retried;
    const { fresh } = deduplicated;
    if (!satisfiesExpectedRevision(expected, head.revision)) {
      throw new WrongExpectedVersionError(streamId, expected, head.revision);
    }
    if (fresh.length === 0) return { nextRevision: head.revision, position: head.position };

    let revision = head.revision;
    let position = head.position;
    for (const event of fresh) {
      revision += 1;
      const { lastInsertRowid } = this.statements.insertEvent.run(
        streamId,
        revision,
        event.id,
        event.type,
        event.schemaVersion,
        event.data,
        event.metadata,
        recordedAt,
      );
      position = Number(lastInsertRowid);
    }
    return { nextRevision: revision, position };
  }
}

function serialise(event: NewEvent): EventToWrite {
  return {
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: JSON.stringify(event.data),
    metadata: JSON.stringify(event.metadata),
  };
}

/** `streamOf`: the stream read, when its rows leave their stream id out (STREAM_EVENT_COLUMNS). */
function toRecordedEvent(
  [position, streamId, revision, eventId, type, schemaVersion, data, metadata, recordedAt]: EventRow,
  streamOf?: string,
): RecordedEvent {
  const parsedMetadata = JSON.parse(metadata) as EventMetadata;
  return {
    id: eventId,
    type,
    schemaVersion,
    data: JSON.parse(data) as JsonObject,
    metadata: parsedMetadata,
    streamId: streamId ?? streamOf!,
    revision,
    position,
    prepare: position,
    // Rows written before the column existed: the command's instant is the best one known.
    recordedAt: recordedAt ?? parsedMetadata.occurredAt,
  };
}
