import { clientStreamId } from '@dossiers/domain';
import type { RecordedEvent } from '@dossiers/events';
import type { Checkpoint, EventStore, Subscription } from '@dossiers/event-store';
import type { Document, ReadStore } from '@dossiers/read-store';
import { START } from '../projection/checkpoint';
import { foldClientHistory, HISTORY_START, isKeptRevision, type PastState } from './client-history';
import { HISTORY_SNAPSHOT_FORMAT, HistorySnapshots } from './history-snapshots';

/** Its own checkpoint: a rebuild of the read models does not move it. */
export const HISTORY_SNAPSHOTTER_CHECKPOINTS = 'client_history_checkpoints';
const CHECKPOINT_ID = 'history-snapshotter';

interface SnapshotterCheckpoint extends Document {
  position: number;
  prepare: number;
  /** the HISTORY_SNAPSHOT_FORMAT of the snapshots made up to it: another one starts from the beginning */
  format: number;
}

const MAX_RESTART_BACKOFF_MS = 30_000;

export interface HistorySnapshotterOptions {
  batchSize?: number;
  /** the largest snapshot kept, in characters of JSON (default MAX_SNAPSHOT_CHARS) */
  maxSnapshotChars?: number;
  /** Nest's Logger fits */
  logger?: { error(entry: object): void };
}

/** The client whose own stream the event is in, or null. */
function clientOf(event: RecordedEvent): string | null {
  const clientId = event.data.clientId;
  return typeof clientId === 'string' && event.streamId === clientStreamId(clientId) ? clientId : null;
}

/**
 * Follows the event store and keeps a snapshot of each client's history (HistorySnapshots) at
 * every kept revision its stream passes, folded from the snapshot before it: the time travel's
 * first query of a client then folds at most HISTORY_STEP events, whatever the client's length.
 *
 * A snapshot is a cache: one that fails (or is too large) is logged and left out, never retried
 * in a loop, and the next one folds from the latest there is, storing the ones missed on the way.
 * So a batch never fails: the subscription goes on, and its checkpoint (written after each batch;
 * a failed write is logged, the next batch writes it) only saves a restart from redoing snapshots.
 * A subscription that stops (the event store unreachable) or a start that fails is tried again,
 * after a pause growing from 0.5 s to 30 s: the snapshotter never stops the process it runs in.
 */
export class HistorySnapshotter {
  private readonly snapshots: HistorySnapshots;
  private subscription?: Subscription;
  private running = false;
  private restartTimer?: NodeJS.Timeout;
  private restarting: Promise<void> = Promise.resolve();
  private backoffMs = 500;

  constructor(
    private readonly eventStore: EventStore,
    private readonly readStore: ReadStore,
    private readonly options: HistorySnapshotterOptions = {},
  ) {
    this.snapshots = new HistorySnapshots(readStore, { maxChars: options.maxSnapshotChars });
  }

  /** Subscribes from the checkpoint; a failure is logged and tried again later, never thrown. */
  async start(): Promise<void> {
    this.running = true;
    try {
      await this.subscribe();
    } catch (error) {
      this.restartLater(error);
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.restartTimer);
    // A restart under way would subscribe after this stop: let it finish (it sees running = false).
    await this.restarting;
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  private async subscribe(): Promise<void> {
    await this.snapshots.ensureIndexes();
    const stored = await this.checkpoints().findById(CHECKPOINT_ID);
    const after: Checkpoint =
      stored && stored.format === HISTORY_SNAPSHOT_FORMAT
        ? { position: stored.position, prepare: stored.prepare }
        : START;
    if (!this.running) return;
    this.subscription = this.eventStore.subscribe({
      after,
      batchSize: this.options.batchSize ?? 1000,
      handler: (events) => this.handle(events),
      onError: (error) => this.restartLater(error),
    });
  }

  private restartLater(error: unknown): void {
    this.report('history snapshotter stopped; starting again from its checkpoint', error, {
      retryInMs: this.backoffMs,
    });
    if (!this.running) return;
    this.restartTimer = setTimeout(() => {
      this.restarting = (this.subscription?.stop() ?? Promise.resolve())
        .then(() => (this.running ? this.subscribe() : undefined))
        .then(() => void (this.backoffMs = 500))
        .catch((e) => this.restartLater(e));
    }, this.backoffMs);
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_RESTART_BACKOFF_MS);
  }

  /** One batch: a snapshot at each kept revision of a client stream in it, then the checkpoint. */
  async handle(events: RecordedEvent[]): Promise<void> {
    for (const event of events) {
      const clientId = isKeptRevision(event.revision) ? clientOf(event) : null;
      if (!clientId) continue;
      try {
        await this.snapshotAt(clientId, event.revision);
      } catch (error) {
        this.report('history snapshot failed; the next one folds from an earlier one', error, {
          clientId,
          revision: event.revision,
        });
      }
    }
    const last = events[events.length - 1];
    if (!last) return;
    try {
      await this.checkpoints().upsert({
        _id: CHECKPOINT_ID,
        position: last.position,
        prepare: last.prepare ?? last.position,
        format: HISTORY_SNAPSHOT_FORMAT,
      });
    } catch (error) {
      this.report('history snapshotter checkpoint not written', error);
    }
  }

  /**
   * Stores the snapshot at `revision` (a kept one) unless it is there: folded from the latest
   * snapshot before it, storing those missing on the way.
   */
  async snapshotAt(clientId: string, revision: number): Promise<void> {
    const bound = { lastRevision: revision, instant: Infinity };
    const latest = await this.snapshots.latestState(clientId, bound);
    if (latest?.revision === revision) return;
    const kept: PastState[] = [];
    await foldClientHistory(this.eventStore, clientId, latest ?? HISTORY_START, bound, (state) =>
      kept.push(state),
    );
    for (const state of kept) {
      if (!(await this.snapshots.save(clientId, state)))
        this.report('history snapshot too large to keep', null, { clientId, revision: state.revision });
    }
  }

  private checkpoints() {
    return this.readStore.collection<SnapshotterCheckpoint>(HISTORY_SNAPSHOTTER_CHECKPOINTS);
  }

  private report(message: string, error: unknown, context: object = {}): void {
    this.options.logger?.error({ message, ...context, ...(error ? { err: String(error) } : {}) });
  }
}

/**
 * Every snapshot dropped, and the snapshotter's checkpoint: started again, it follows the log
 * from the start and makes them anew (npm run rebuild of a projection they fold, whose evolve
 * may have changed).
 */
export async function resetHistorySnapshots(readStore: ReadStore): Promise<void> {
  await new HistorySnapshots(readStore).dropAll();
  await readStore.drop(HISTORY_SNAPSHOTTER_CHECKPOINTS);
}
