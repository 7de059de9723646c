import { setTimeout as sleep } from 'node:timers/promises';
import {
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type EventStoreDBClient,
  excludeSystemEvents,
  START,
} from '@eventstore/db-client';
import { isAfter, type Checkpoint, type SubscribeOptions, type Subscription } from '../event-store.port';
import { PROCESS_WARNINGS, reportSubscriptionErrorTo, type EventStoreLogger } from '../event-store-logger';
import { checkpointOf, toEsdbPosition, toRecordedEvent } from './eventstoredb-mapping';

const DEFAULT_BATCH_SIZE = 500;
const FIRST_RETRY_DELAY_MS = 100;
const MAX_RETRY_DELAY_MS = 5_000;

/**
 * A catch-up subscription to $all that survives dropped connections: it resubscribes, with a growing
 * delay, after the last event the handler finished. The handler is awaited before the next batch is
 * taken, so the gRPC stream's buffer fills up and the server is paced by the handler.
 */
export class EventStoreDbSubscription implements Subscription {
  private readonly stopping = new AbortController();
  private current: AllStreamSubscription | undefined;
  private readonly finished: Promise<void>;

  constructor(
    private readonly client: EventStoreDBClient,
    options: SubscribeOptions,
    private readonly logger: EventStoreLogger = PROCESS_WARNINGS,
  ) {
    this.finished = this.run(options);
  }

  /** Do not await this from inside the handler: it waits for the handler to return. */
  async stop(): Promise<void> {
    this.stopping.abort();
    // Ends the wait for the next event at once; a running handler is left to finish.
    this.current?.destroy();
    await this.finished;
  }

  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  private async run({
    after,
    batchSize = DEFAULT_BATCH_SIZE,
    handler,
    onError = reportSubscriptionErrorTo(this.logger),
  }: SubscribeOptions) {
    let checkpoint: Checkpoint | undefined = after;
    let retryDelay = FIRST_RETRY_DELAY_MS;
    while (!this.stopped) {
      // The subscription is an object-mode stream, whose buffer holds 16 events by default (each
      // side of its Transform): while the handler runs, no more than ~31 events queue, so a lagging
      // handler got batches of 31 however large batchSize was (one projector transaction each).
      // A buffer of batchSize lets a full batch queue up, and still bounds what is held in memory.
      const subscription = this.client.subscribeToAll(
        { fromPosition: checkpoint ? toEsdbPosition(checkpoint) : START, filter: excludeSystemEvents() },
        { highWaterMark: batchSize },
      );
      this.current = subscription;
      try {
        for await (const batch of buffered(subscription, batchSize)) {
          if (this.stopped) return;
          try {
            const events = batch.flatMap(({ event }) => (event ? [toRecordedEvent(event)] : []));
            const unseen = events.filter((event) => isAfter(event, checkpoint));
            if (unseen.length > 0) {
              await handler(unseen);
              checkpoint = checkpointOf(unseen[unseen.length - 1]);
            }
          } catch (error) {
            onError(error);
            return;
          }
          retryDelay = FIRST_RETRY_DELAY_MS;
        }
      } catch (error) {
        if (!this.stopped) this.logger.warn(`Dropped, resubscribing in ${retryDelay} ms: ${String(error)}`);
      } finally {
        // Leaving the loop only ends our reading: the gRPC call lives on until cancelled. Cancelled in
        // the background, because with the server unreachable that can take a while.
        void subscription.unsubscribe().catch(() => undefined);
      }
      if (this.stopped) return;
      await sleep(retryDelay, undefined, { signal: this.stopping.signal }).catch(() => undefined);
      retryDelay = Math.min(retryDelay * 2, MAX_RETRY_DELAY_MS);
    }
  }
}

/**
 * Hands over what the subscription has already received, up to maxSize, instead of waiting for a full
 * batch: a handler that keeps up gets each live event at once, one that lags gets fewer, larger batches.
 * Nothing is left over at the end: a batch is yielded whenever the buffer runs empty.
 */
async function* buffered(
  subscription: AllStreamSubscription,
  maxSize: number,
): AsyncGenerator<AllStreamResolvedEvent[]> {
  let batch: AllStreamResolvedEvent[] = [];
  for await (const resolved of subscription) {
    batch.push(resolved);
    if (batch.length >= maxSize || subscription.readableLength === 0) {
      yield batch;
      batch = [];
    }
  }
}
