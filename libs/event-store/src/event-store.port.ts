import type { NewEvent, RecordedEvent } from '@dossiers/events';

/** What the stream must look like for an append to go through (EventStoreDB's vocabulary). */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendResult {
  /** revision of the stream's last event after the append (the value to expect next time) */
  nextRevision: number;
  /** global position of the last event of this append */
  position: number;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** inclusive; default: the start (forwards) or the end (backwards) */
  fromRevision?: number;
  maxCount?: number;
}

/** Where a reader of the whole store stands: the position of the last event it has handled. */
export interface Checkpoint {
  position: number;
  /** EventStoreDB needs both halves of its position to resume */
  prepare?: number;
}

export interface ReadAllOptions {
  /** exclusive: events strictly after this checkpoint; default: from the very start */
  after?: Checkpoint;
  maxCount?: number;
}

export interface SubscribeOptions {
  /** exclusive, as in readAll */
  after?: Checkpoint;
  /** most events handed to the handler at once */
  batchSize?: number;
  /** awaited before the next batch is read: this is the backpressure */
  handler: (events: RecordedEvent[]) => Promise<void>;
  /** the subscription stops after reporting an error thrown by the handler */
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /** resolves once the handler is no longer running and will not be called again */
  stop(): Promise<void>;
}

/**
 * Two instants travel with every event. `metadata.occurredAt` is the command's (the request's
 * clock, chosen before the decision, kept as written); `recordedAt` is the store's, set when it
 * writes the event, never before that of an event at a lower position (SQLite: one instant per group
 * commit, at least the newest stored one; EventStoreDB: the server's `created`, to the
 * millisecond). What happened "as of" an instant is the events with `recordedAt` up to it: a
 * prefix of the log, unlike `occurredAt`, which concurrent commands may write out of order. Events
 * stored before `recordedAt` existed (SQLite) read their `occurredAt` as it.
 */
export interface EventStore {
  /**
   * Atomic: all events or none. Events whose id is already in the stream are skipped, and an id
   * repeated within the call counts once (its first occurrence): the rest is checked against
   * `expected` and written. If every event is skipped, the call is a retry of one that went
   * through: nothing is checked or written, and it answers with the latest of those stored events.
   * How far back "already in the stream" looks: SQLite, the whole stream; EventStoreDB, its last
   * events (REPEAT_WINDOW, in its adapter). An append over MAX_APPEND_BYTES throws
   * AppendTooLargeError and writes nothing.
   */
  append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** [] for a stream that does not exist */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up subscription to all events: reads history after `after`, then follows new appends. */
  subscribe(options: SubscribeOptions): Subscription;
  /** Position of the newest event in the store, 0 when empty. */
  headPosition(): Promise<number>;
  /** Throws when the store cannot be reached (readiness probe). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Is the event past the checkpoint? The commit position orders events, except that the events of
 * one EventStoreDB transaction share it: their prepare positions then break the tie.
 */
export function isAfter(
  event: Pick<RecordedEvent, 'position' | 'prepare'>,
  checkpoint: Checkpoint | undefined,
): boolean {
  if (!checkpoint) return true;
  if (event.position !== checkpoint.position) return event.position > checkpoint.position;
  return (event.prepare ?? event.position) > (checkpoint.prepare ?? checkpoint.position);
}

export const EVENT_STORE = Symbol('EVENT_STORE');

export class WrongExpectedVersionError extends Error {
  readonly code = 'WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** the stream's actual revision, -1 when it does not exist */
    readonly actual: number,
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${actual}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/**
 * The most one append may carry, the same on every adapter: the sum over its events of the UTF-8
 * bytes of the JSON of `data` and of `metadata`, and of `type` (see `appendSize`). EventStoreDB
 * has a max append size of its own (1 MiB by default) and counts more: the type twice, and the
 * schema version its adapter adds to the metadata, at most ~60 bytes per event, whose metadata
 * alone takes ~150, so under a third more. A server is to be set to 2 MiB (MaxAppendSize 2097152)
 * for this limit to be the one that answers; a lower one's refusal is AppendTooLargeError too.
 */
export const MAX_APPEND_BYTES = 1_048_576;

/** What MAX_APPEND_BYTES limits (see there); measured on the events as given, repeats included. */
export function appendSize(events: NewEvent[]): number {
  return events.reduce(
    (bytes, event) =>
      bytes + serialisedSize(event.type, JSON.stringify(event.data), JSON.stringify(event.metadata)),
    0,
  );
}

/** One event's share of appendSize, for an adapter that has already serialised it. */
export function serialisedSize(type: string, data: string, metadata: string): number {
  return Buffer.byteLength(type) + Buffer.byteLength(data) + Buffer.byteLength(metadata);
}

/** An append over MAX_APPEND_BYTES: nothing was written (HTTP 413, code APPEND_TOO_LARGE). */
export class AppendTooLargeError extends Error {
  readonly code = 'APPEND_TOO_LARGE';
  constructor(
    readonly streamId: string,
    readonly bytes: number,
    readonly limit: number = MAX_APPEND_BYTES,
  ) {
    super(`Stream ${streamId}: an append of ${bytes} bytes exceeds the limit of ${limit} bytes`);
    this.name = 'AppendTooLargeError';
  }
}
