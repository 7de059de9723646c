import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { CLOCK, type Clock } from '@dossiers/platform';
import { DUE_WORK_KINDS, duePages, interleavedByClient, type DueDoc, type DueWorkKind } from './due-work';
import type { DueWorkJob } from './due-work.processor';

/** The BullMQ queue, as far as the enqueuer uses it (no driver types outside the adapters). */
export interface DueWorkQueue {
  addBulk(jobs: { name: string; data: DueWorkJob; opts: Record<string, unknown> }[]): Promise<unknown[]>;
}
export const DUE_WORK_QUEUE = Symbol('DUE_WORK_QUEUE');

export interface EnqueuerOptions {
  horizonMinutes: number;
  /** how often the due collections are read (default 1 s) */
  pollMs?: number;
  /**
   * A job this process enqueued is enqueued again after this long (default 30 s), a no-op while
   * BullMQ still has it: what brings back the jobs a Redis that lost its data forgot.
   */
  refreshMs?: number;
}
export const ENQUEUER_OPTIONS = Symbol('ENQUEUER_OPTIONS');

/** Due documents read per page; pages per kind and tick. */
const PAGE = 1000;
const MAX_PAGES = 100;

/** Kept a day after it ran: enqueuing it again meanwhile is a no-op. */
const KEEP_COMPLETED_SECONDS = 86_400;

/**
 * The scheduler side of BullMQ: every `pollMs` it reads what falls due within the horizon (and
 * every overdue piece) and enqueues one delayed job each, its id derived from the work and its due
 * time, so a job already queued is not added twice (BullMQ keeps one job per id), several
 * processes may enqueue, and nothing is lost while Redis is away: the read model still holds it,
 * and it is enqueued once Redis answers again.
 */
@Injectable()
export class DueWorkEnqueuer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('reminder-scheduler');
  private readonly enqueued = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private tick: Promise<void> | null = null;
  private running = false;

  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DUE_WORK_QUEUE) private readonly queue: DueWorkQueue,
    @Inject(ENQUEUER_OPTIONS) private readonly options: EnqueuerOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.tick;
  }

  async runOnce(): Promise<void> {
    for (const kind of DUE_WORK_KINDS) await this.enqueueKind(kind);
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.tick = this.runOnce()
        .catch((error) =>
          this.logger.error({ message: 'enqueuing due work failed; trying again', err: String(error) }),
        )
        .finally(() => {
          this.tick = null;
          if (this.running) this.schedule();
        });
    }, this.options.pollMs ?? 1000);
  }

  private async enqueueKind(kind: DueWorkKind): Promise<void> {
    const now = this.clock.now().getTime();
    const refreshMs = this.options.refreshMs ?? 30_000;
    for (const [id, at] of this.enqueued) if (at + refreshMs <= Date.now()) this.enqueued.delete(id);
    const horizon = new Date(now + this.options.horizonMinutes * 60_000).toISOString();
    const collection = this.readStore.collection<DueDoc>(kind.collection);
    let pages = 0;
    for await (const docs of duePages(collection, horizon, PAGE)) {
      // Queued spread over clients: workers taking them in order seldom write to one client at once.
      const jobs = interleavedByClient(docs)
        .map((doc) => ({ doc, jobId: kind.jobId(doc) }))
        .filter(({ jobId }) => !this.enqueued.has(jobId))
        .map(({ doc, jobId }) => ({
          name: kind.kind,
          data: { kind: kind.kind, doc },
          opts: {
            jobId,
            delay: Math.max(0, Date.parse(doc.dueAt) - now),
            attempts: 5,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: { age: KEEP_COMPLETED_SECONDS },
            removeOnFail: true,
          },
        }));
      if (jobs.length > 0) {
        await this.queue.addBulk(jobs);
        const at = Date.now();
        for (const { opts } of jobs) this.enqueued.set(opts.jobId, at);
      }
      if (++pages >= MAX_PAGES) return;
    }
  }
}
