import { Histogram, type Registry } from 'prom-client';
import {
  WrongExpectedVersionError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
} from '@dossiers/event-store';
import type { NewEvent } from '@dossiers/events';

/** Appends: from an in-memory group commit (~0.1 ms) to an fsync on a busy disk or a remote cluster. */
const APPEND_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
/** Powers of two: group commit batches whatever arrived within one turn of the event loop. */
const COMMIT_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

/**
 * The event store's metrics: the latency of every append, as the app's commands see it (a
 * decorator of the port, whatever the adapter), and the size of each SQLite group commit (the
 * adapter's onGroupCommit hook; EventStoreDB has no group commit).
 */
export class EventStoreMetrics {
  private readonly appendSeconds: Histogram<'outcome'>;
  private readonly commitEvents: Histogram;
  private readonly commitAppends: Histogram;

  constructor(registry: Registry) {
    this.appendSeconds = new Histogram({
      name: 'dossiers_event_store_append_duration_seconds',
      help: 'Event-store appends by outcome (ok, conflict: wrong expected revision, error), until stored',
      labelNames: ['outcome'],
      buckets: APPEND_BUCKETS,
      registers: [registry],
    });
    this.commitEvents = new Histogram({
      name: 'dossiers_event_store_group_commit_events',
      help: 'Events written by one SQLite group commit (one transaction, one fsync)',
      buckets: COMMIT_BUCKETS,
      registers: [registry],
    });
    this.commitAppends = new Histogram({
      name: 'dossiers_event_store_group_commit_appends',
      help: 'Appends (commands) sharing one SQLite group commit',
      buckets: COMMIT_BUCKETS,
      registers: [registry],
    });
  }

  /** For SqliteEventStore's onGroupCommit option. */
  readonly onGroupCommit = (appends: number, events: number): void => {
    this.commitAppends.observe(appends);
    this.commitEvents.observe(events);
  };

  /** The store, with each append timed. */
  instrument(store: EventStore): EventStore {
    return new TimedEventStore(store, {
      ok: this.appendSeconds.labels('ok'),
      conflict: this.appendSeconds.labels('conflict'),
      error: this.appendSeconds.labels('error'),
    });
  }
}

type Outcomes = Record<'ok' | 'conflict' | 'error', { observe(seconds: number): void }>;

class TimedEventStore implements EventStore {
  constructor(
    private readonly store: EventStore,
    private readonly outcomes: Outcomes,
  ) {}

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const start = process.hrtime.bigint();
    try {
      const result = await this.store.append(streamId, events, expected);
      this.outcomes.ok.observe(secondsSince(start));
      return result;
    } catch (error) {
      const outcome = error instanceof WrongExpectedVersionError ? 'conflict' : 'error';
      this.outcomes[outcome].observe(secondsSince(start));
      throw error;
    }
  }

  readStream: EventStore['readStream'] = (streamId, options) => this.store.readStream(streamId, options);
  readAll: EventStore['readAll'] = (options) => this.store.readAll(options);
  subscribe: EventStore['subscribe'] = (options) => this.store.subscribe(options);
  headPosition: EventStore['headPosition'] = () => this.store.headPosition();
  ping: EventStore['ping'] = () => this.store.ping();
  close: EventStore['close'] = () => this.store.close();
}

const secondsSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
