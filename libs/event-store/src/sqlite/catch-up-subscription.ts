import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { RecordedEvent } from '@dossiers/events';
import type { SubscribeOptions, Subscription } from '../event-store.port';
import { reportSubscriptionErrorTo, type EventStoreLogger } from '../event-store-logger';

/** Synchronous on purpose: nothing can be committed between an empty read and the start of the wait. */
export type ReadAfter = (position: number, maxCount: number) => RecordedEvent[];

const DEFAULT_BATCH_SIZE = 500;

/**
 * Reads the store in batches after a checkpoint, one handler call at a time, and once caught up sleeps
 * until the store reports an append of this process (`wake`) or the poll interval elapses (appends of
 * other processes). The checkpoint only moves after the handler succeeded, so no event is skipped or repeated.
 */
export class CatchUpSubscription implements Subscription {
  private stopping = false;
  private wakeUp: (() => void) | undefined;
  private readonly finished: Promise<void>;

  constructor(
    private readonly readAfter: ReadAfter,
    private readonly pollIntervalMs: number,
    options: SubscribeOptions,
    private readonly logger: EventStoreLogger,
  ) {
    // Started on a later tick, so the handler never runs before subscribe() has returned.
    this.finished = Promise.resolve().then(() => this.run(options));
  }

  /** Called by the store after each commit: an idle subscription reads again at once. */
  wake(): void {
    this.wakeUp?.();
  }

  /** Do not await this from inside the handler: it waits for the handler to return. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.finished;
  }

  private async run({
    after,
    batchSize = DEFAULT_BATCH_SIZE,
    handler,
    onError = reportSubscriptionErrorTo(this.logger),
  }: SubscribeOptions) {
    let checkpoint = after?.position ?? 0;
    while (!this.stopping) {
      try {
        const events = this.readAfter(checkpoint, batchSize);
        if (events.length === 0) {
          await this.idle();
          continue;
        }
        await handler(events);
        checkpoint = events[events.length - 1].position;
        // Reads are synchronous and a quick handler resolves at once: without this, catching up on a
        // long history would starve the rest of the process (requests, appends) until it is done.
        await yieldToEventLoop();
      } catch (error) {
        onError(error);
        return;
      }
    }
  }

  /** Registers the wake-up synchronously, before yielding, so an append made meanwhile is never missed. */
  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      this.wakeUp = done;
    });
  }
}
