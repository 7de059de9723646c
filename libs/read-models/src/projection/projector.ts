import type { EventStore, Subscription } from '@dossiers/event-store';
import type { ReadStore } from '@dossiers/read-store';
import { ProjectionEngine } from './projection-engine';
import type { Projection } from './projection';
import { interruptedRebuild, InterruptedRebuildError } from './rebuild-projections';

export { InterruptedRebuildError, rebuildCollectionName, rebuildProjections } from './rebuild-projections';

export interface ProjectorOptions {
  batchSize?: number;
  onError?: (error: unknown) => void;
  /** after each batch has committed (e.g. ProjectionProgress.poke, for the queries waiting on it) */
  onCommitted?: () => void;
}

/** Follows the event store from the stored checkpoints and keeps the read models current. */
export class Projector {
  private subscription?: Subscription;
  readonly engine: ProjectionEngine;

  constructor(
    private readonly eventStore: EventStore,
    private readonly readStore: ReadStore,
    projections: readonly Projection[],
    private readonly options: ProjectorOptions = {},
  ) {
    this.engine = new ProjectionEngine(readStore, projections);
  }

  async start(): Promise<void> {
    // Its collections may be half swapped in, and their checkpoints not moved: resuming would corrupt them.
    const interrupted = await interruptedRebuild(this.readStore);
    if (interrupted) throw new InterruptedRebuildError(interrupted);
    await this.engine.ensureIndexes();
    const after = await this.engine.resumeCheckpoint();
    this.subscription = this.eventStore.subscribe({
      after,
      batchSize: this.options.batchSize ?? 1000,
      handler: async (events) => {
        await this.engine.applyBatch(events);
        this.options.onCommitted?.();
      },
      onError: this.options.onError,
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }
}
