import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { BLOB_STORE, type BlobStore } from '@dossiers/blob-store';
import { APP_CONFIG, type AppConfig } from '@dossiers/platform';
import { OrphanBlobSweeper, type SweepOutcome } from './orphan-blob-sweeper';
import { UploadsInFlight } from './uploads-in-flight';

const MINUTE_MS = 60_000;

/**
 * Runs the orphan-blob sweep in the process that takes uploads (command API, standalone): once at
 * start, in the background, then every BLOB_SWEEP_MINUTES. One sweep at a time; shutting down
 * waits for the running one, before the stores close.
 */
@Injectable()
export class OrphanBlobSweepScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('orphan-blob-sweeper');
  private readonly sweeper: OrphanBlobSweeper;
  private readonly intervalMs: number;
  private timer?: NodeJS.Timeout;
  private running?: Promise<SweepOutcome>;
  private stopping = false;

  constructor(
    @Inject(EVENT_STORE) eventStore: EventStore,
    @Inject(BLOB_STORE) blobStore: BlobStore,
    @Inject(APP_CONFIG) config: AppConfig,
    inFlight: UploadsInFlight,
  ) {
    this.sweeper = new OrphanBlobSweeper(eventStore, blobStore, {
      graceMs: config.blobSweep.graceMinutes * MINUTE_MS,
      inFlight,
    });
    this.intervalMs = config.blobSweep.intervalMinutes * MINUTE_MS;
  }

  onApplicationBootstrap() {
    this.sweepInBackground();
    this.timer = setInterval(() => this.sweepInBackground(), this.intervalMs);
    this.timer.unref();
  }

  /** One sweep now, after the running one if any; `now` moves the clock it judges ages by (tests). */
  async sweepNow(now?: Date): Promise<SweepOutcome> {
    await this.running?.catch(() => undefined);
    const sweep = this.sweeper.sweep(now);
    this.running = sweep;
    try {
      return await sweep;
    } finally {
      if (this.running === sweep) this.running = undefined;
    }
  }

  async beforeApplicationShutdown() {
    this.stopping = true;
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private sweepInBackground() {
    if (this.stopping || this.running) return;
    this.sweepNow().catch((error: unknown) =>
      this.logger.error({
        message: 'orphan blob sweep failed; next one in the usual interval',
        err: String(error),
      }),
    );
  }
}
