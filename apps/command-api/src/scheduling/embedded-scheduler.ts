import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { APP_CONFIG, CLOCK, type AppConfig, type Clock } from '@dossiers/platform';
import { byClient, DUE_WORK_KINDS, duePages, type DueDoc, type DueWorkKind } from './due-work';
import { mapBounded } from '../bounded-concurrency';
import { DueWorkRunner } from './due-work-runner';

/** Polls this often: an `at` reminder goes out within about a second of its instant. */
export const EMBEDDED_POLL_MS = 300;
/** Due documents read per page, and pages per kind and tick: a burst of 100,000 goes out in a few ticks. */
const PAGE = 500;
const MAX_PAGES = 20;
/**
 * Commands run at once: a command mostly waits (reads, the append's commit), and the SQLite store
 * commits concurrent appends as one group, so one at a time would cap a burst at a few hundred a second.
 */
export const EMBEDDED_CONCURRENCY = 32;
/** Work just done (or found stale) is not run again for this long: the projector catches up meanwhile. */
const SETTLE_MS = 30_000;

/**
 * The embedded default's scheduler (no REDIS_URL): in the process of the command API (the
 * standalone's too), it polls each due-work collection for what is due by the clock and runs
 * its commands, several at once. A conflict or a not-yet-due is tried again next tick; an error is logged
 * and the loop goes on. Several processes may run it: the commands are idempotent.
 */
@Injectable()
export class EmbeddedScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('reminder-scheduler');
  private timer?: NodeJS.Timeout;
  private running = false;
  private stopped = false;
  private tick: Promise<void> | null = null;
  /** job id -> until when it is left alone */
  private readonly settled = new Map<string, number>();

  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly runner: DueWorkRunner,
  ) {}

  onApplicationBootstrap(): void {
    // With Redis, the BullMQ workers (apps/reminder-worker) do this.
    if (this.config.redisUrl) return;
    this.running = true;
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.stopped = true;
    clearTimeout(this.timer);
    await this.tick;
  }

  /** One pass over every kind: what the tests await instead of the timer. */
  async runOnce(): Promise<void> {
    for (const kind of DUE_WORK_KINDS) await this.runKind(kind);
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.tick = this.runOnce()
        .catch((error) => this.logger.error({ message: 'scheduler tick failed', err: String(error) }))
        .finally(() => {
          this.tick = null;
          if (this.running) this.schedule();
        });
    }, EMBEDDED_POLL_MS);
  }

  private async runKind(kind: DueWorkKind): Promise<void> {
    const now = this.clock.now().getTime();
    for (const [id, until] of this.settled) if (until <= now) this.settled.delete(id);
    const collection = this.readStore.collection<DueDoc>(kind.collection);
    // Work just done stays in the read model until the projector catches up: page past it.
    let pages = 0;
    for await (const due of duePages(collection, new Date(now).toISOString(), PAGE)) {
      if (this.stopped) return;
      const todo = due.filter((doc) => !this.settled.has(kind.jobId(doc)));
      // Several clients at once, each client's work in turn: two commands on one stream only conflict.
      await mapBounded(byClient(todo), EMBEDDED_CONCURRENCY, async (docs) => {
        for (const doc of docs) await this.runDoc(kind, doc, now);
      });
      if (++pages >= MAX_PAGES) return;
    }
  }

  private async runDoc(kind: DueWorkKind, doc: DueDoc, now: number): Promise<void> {
    if (this.stopped) return;
    const jobId = kind.jobId(doc);
    try {
      const outcome = await this.runner.run(kind, doc);
      if (outcome === 'done' || outcome === 'stale') this.settled.set(jobId, now + SETTLE_MS);
    } catch (error) {
      this.logger.error({ message: 'due work failed; tried again next tick', jobId, err: String(error) });
    }
  }
}
