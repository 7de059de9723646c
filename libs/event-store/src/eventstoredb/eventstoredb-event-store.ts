import {
  type AppendResult as EsdbAppendResult,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  MaxAppendSizeExceededError,
  START,
  type StreamingRead,
  StreamNotFoundError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
} from '@eventstore/db-client';
import type { NewEvent, RecordedEvent } from '@dossiers/events';
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
  appendSize,
  isAfter,
} from '../event-store.port';
import { satisfiesExpectedRevision } from '../expected-revision';
import { type Placement, withoutRepeats } from '../repeated-events';
import { toEsdbConnectionString } from './connection-string';
import {
  isSystemEvent,
  knownPosition,
  toEsdbExpectedRevision,
  toEsdbPosition,
  toEventData,
  toRecordedEvent,
  toRevision,
} from './eventstoredb-mapping';
import { PROCESS_WARNINGS, type EventStoreLogger } from '../event-store-logger';
import { EventStoreDbSubscription } from './eventstoredb-subscription';

/**
 * How many events beyond an append's own count its stream's tail is searched for the ids it repeats
 * (see append). The server's own deduplication does not keep the port's promise: it recognises a
 * retry only under the original expected revision, or, under `any`, from an in-memory cache of recent
 * ids that a restart empties. A retry comes after its original within a client's timeout, seconds to
 * minutes, and it is found if fewer than this many events reached its stream in between: a stream
 * is one aggregate, written by the commands of the few people working on it. The cost is paid on
 * every such append: one backwards read of (events + REPEAT_WINDOW) events, short streams read whole.
 * An append retried later than that is written again (SQLite searches the whole stream).
 */
export const REPEAT_WINDOW = 100;

/** The EventStore port over EventStoreDB's gRPC client: the server checks revisions and keeps the order. */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly subscriptions = new Set<EventStoreDbSubscription>();

  private readonly logger: EventStoreLogger;

  /**
   * `connection`: a URL, e.g. `esdb://localhost:2113?tls=false` (`kurrentdb://` too), or a client
   * built elsewhere; `logger`: where subscriptions report dropped connections, and failures when no
   * onError was given (default: process warnings).
   */
  constructor(
    connection: string | EventStoreDBClient,
    { logger = PROCESS_WARNINGS }: { logger?: EventStoreLogger } = {},
  ) {
    this.client =
      typeof connection === 'string'
        ? EventStoreDBClient.connectionString(toEsdbConnectionString(connection))
        : connection;
    this.logger = logger;
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const bytes = appendSize(events);
    if (bytes > MAX_APPEND_BYTES) throw new AppendTooLargeError(streamId, bytes);
    if (events.length === 0) return this.currentHead(streamId, expected);
    const deduplicated = withoutRepeats(
      events,
      await this.storedPlacements(streamId, events.length, expected),
    );
    if ('retried' in deduplicated) return deduplicated.retried;
    let result: EsdbAppendResult;
    try {
      result = await this.client.appendToStream(streamId, deduplicated.fresh.map(toEventData), {
        expectedRevision: toEsdbExpectedRevision(expected),
      });
    } catch (error) {
      if (error instanceof EsdbWrongExpectedVersionError) {
        throw new WrongExpectedVersionError(streamId, expected, toRevision(error.actualVersion));
      }
      // The server measures with its own framing, and may be configured below MAX_APPEND_BYTES.
      if (error instanceof MaxAppendSizeExceededError) {
        throw new AppendTooLargeError(streamId, bytes, error.maxAppendSize);
      }
      throw error;
    }
    const nextRevision = Number(result.nextExpectedRevision);
    // The server answers its own idempotent retries without a position: the stored event has it.
    const position = knownPosition(result.position);
    return {
      nextRevision,
      position: position
        ? Number(position.commit)
        : (await this.readStream(streamId, { fromRevision: nextRevision, maxCount: 1 }))[0].position,
    };
  }

  async readStream(
    streamId: string,
    { direction = 'forwards', fromRevision, maxCount = Number.MAX_SAFE_INTEGER }: ReadStreamOptions = {},
  ): Promise<RecordedEvent[]> {
    const start = direction === 'forwards' ? START : END;
    const reading = this.client.readStream(streamId, {
      direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
      fromRevision: fromRevision === undefined ? start : BigInt(fromRevision),
      maxCount,
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const { event } of reading) if (event) events.push(toRecordedEvent(event));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll({ after, maxCount = Infinity }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    if (maxCount <= 0) return events;
    // No server-side maxCount: the skipped system events and the event at `after` must not use it up.
    const reading = this.client.readAll({ fromPosition: after ? toEsdbPosition(after) : START });
    try {
      for await (const { event } of reading) {
        if (!event || isSystemEvent(event.type)) continue;
        const recorded = toRecordedEvent(event);
        if (!isAfter(recorded, after)) continue;
        events.push(recorded);
        if (events.length === maxCount) break;
      }
    } finally {
      cancelInBackground(reading);
    }
    return events;
  }

  subscribe(options: SubscribeOptions): Subscription {
    const subscription = new EventStoreDbSubscription(this.client, options, this.logger);
    this.subscriptions.add(subscription);
    return {
      stop: async () => {
        await subscription.stop();
        this.subscriptions.delete(subscription);
      },
    };
  }

  /** The newest event a subscriber can receive: the server's own ($-typed) events at the end do not count. */
  async headPosition(): Promise<number> {
    const reading = this.client.readAll({ direction: BACKWARDS, fromPosition: END });
    try {
      for await (const { event } of reading) {
        if (event && !isSystemEvent(event.type)) return Number(event.position.commit);
      }
      return 0;
    } finally {
      cancelInBackground(reading);
    }
  }

  /** The cheapest read that needs a reachable node: one event of $all. */
  async ping(): Promise<void> {
    await this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }).toArray();
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  /**
   * Where the append's ids already are, among the stream's last `count + REPEAT_WINDOW` events. Not
   * looked up for `no_stream`: the server compares such an append with the stream's first events,
   * durably, and refuses a partial match (WrongExpectedVersion), as the port does on an existing stream.
   */
  private async storedPlacements(
    streamId: string,
    count: number,
    expected: ExpectedRevision,
  ): Promise<(id: string) => Placement | undefined> {
    if (expected === 'no_stream') return () => undefined;
    const tail = await this.readStream(streamId, { direction: 'backwards', maxCount: count + REPEAT_WINDOW });
    const placements = new Map(
      tail.map((event) => [event.id, { revision: event.revision, position: event.position }]),
    );
    return (id) => placements.get(id);
  }

  /** Nothing to write: report the stream's head, checked against `expected` as a write would be. */
  private async currentHead(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    const revision = last?.revision ?? -1;
    if (!satisfiesExpectedRevision(expected, revision)) {
      throw new WrongExpectedVersionError(streamId, expected, revision);
    }
    return { nextRevision: revision, position: last?.position ?? 0 };
  }
}

/**
 * Leaving a for-await early only ends our reading: the gRPC call lives on until cancelled. Cancelling
 * a finished call does nothing, and nothing needs to wait for it.
 */
function cancelInBackground(reading: StreamingRead<unknown>): void {
  reading.cancel().catch(() => undefined);
}
