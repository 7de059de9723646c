import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { ALL_PROJECTIONS, ProjectionProgress, Projector } from '@dossiers/read-models';
import { APP_CONFIG, type AppConfig } from '@dossiers/platform';

const MAX_BACKOFF_MS = 30_000;

/**
 * Runs the projector for the life of the process. A failing batch rolls back (checkpoint
 * included), so the projector simply restarts from its checkpoint after a growing pause.
 */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('projector');
  private readonly projector: Projector;
  private backoffMs = 500;
  private restartTimer?: NodeJS.Timeout;
  private restarting: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(
    @Inject(EVENT_STORE) eventStore: EventStore,
    @Inject(READ_STORE) readStore: ReadStore,
    @Inject(APP_CONFIG) config: AppConfig,
    progress: ProjectionProgress,
  ) {
    this.projector = new Projector(eventStore, readStore, ALL_PROJECTIONS, {
      batchSize: config.projectorBatchSize,
      onError: (error) => this.restartLater(error),
      // Queries of this process waiting for read-your-writes see the batch at once, not at their next poll.
      onCommitted: () => progress.poke(),
    });
  }

  async onApplicationBootstrap() {
    await this.projector.start();
    this.logger.log({ message: 'projector started', projections: ALL_PROJECTIONS.map((p) => p.name) });
  }

  private restartLater(error: unknown) {
    this.logger.error({
      message: 'projection batch failed; restarting from the checkpoint',
      err: String(error),
      retryInMs: this.backoffMs,
    });
    if (this.stopping) return;
    this.restartTimer = setTimeout(() => {
      this.restarting = this.projector
        .stop()
        // A shutdown that began meanwhile waits for this restart: it must not start a subscription after it.
        .then(() => (this.stopping ? undefined : this.projector.start()))
        .then(() => void (this.backoffMs = 500))
        .catch((e) => this.restartLater(e));
    }, this.backoffMs);
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
  }

  /** Waits for the batch in progress: its checkpoint is committed with it (Projector.stop). */
  async onApplicationShutdown() {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    await this.restarting;
    await this.projector.stop();
  }
}
