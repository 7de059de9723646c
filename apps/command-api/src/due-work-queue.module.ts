import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@dossiers/platform';
import { BullModule, getQueueToken, Processor } from '@nestjs/bullmq';
import { ReminderCommandsModule } from './clients/reminders/reminder-commands.module';
import { FormCommandsModule } from './forms/form-commands.module';
import { DueWorkRunner } from './scheduling/due-work-runner';
import { DueWorkProcessor } from './scheduling/due-work.processor';
import {
  DUE_WORK_QUEUE,
  DueWorkEnqueuer,
  ENQUEUER_OPTIONS,
  type EnqueuerOptions,
} from './scheduling/due-work-enqueuer';

export interface DueWorkQueueOptions extends EnqueuerOptions {
  redisUrl: string;
  queueName: string;
  concurrency: number;
  /** how long a worker's lock on a job lasts unrenewed (renewed every half of it while the job runs) */
  lockDurationMs?: number;
  /** how often a worker looks for jobs whose worker died (their lock lapsed) to run them again */
  stalledIntervalMs?: number;
}

/**
 * BullMQ's defaults, kept in production: a worker killed mid-job has its jobs taken over by
 * another once its lock has lapsed and a stalled check has seen it so (up to lockDuration +
 * stalledInterval: a minute; a job stalled twice is failed, then enqueued again while still due).
 * Shorter locks would take over sooner, but a worker whose event loop is busy for longer than one
 * could lose a live job to another: harmless (the command is idempotent), but work done twice.
 */
const LOCK_DURATION_MS = 30_000;
const STALLED_INTERVAL_MS = 30_000;

/**
 * The reminders on BullMQ (REDIS_URL set): the scheduler side that enqueues the due work and a
 * worker (WorkerHost) that runs it (reminder occurrences, scheduled forms), with the command
 * handlers they run. apps/reminder-worker hosts
 * it (several may run); the standalone too when REDIS_URL is set. Needs InfrastructureModule.
 */
@Module({})
export class DueWorkQueueModule {
  /** From the configuration (REDIS_URL, REMINDER_*), with what a test changes. */
  static fromConfig(config: AppConfig, overrides: Partial<DueWorkQueueOptions> = {}): DynamicModule {
    if (!config.redisUrl) throw new Error('REDIS_URL must be set: the reminder queue lives in Redis');
    const { queueName, horizonMinutes, workerConcurrency: concurrency } = config.reminders;
    return this.forRoot({ redisUrl: config.redisUrl, queueName, horizonMinutes, concurrency, ...overrides });
  }

  static forRoot(options: DueWorkQueueOptions): DynamicModule {
    const {
      redisUrl,
      queueName,
      concurrency,
      lockDurationMs = LOCK_DURATION_MS,
      stalledIntervalMs = STALLED_INTERVAL_MS,
      ...enqueuer
    } = options;
    // The queue's name comes from the configuration: the decorator goes on a class made for it.
    @Processor(queueName, { concurrency, lockDuration: lockDurationMs, stalledInterval: stalledIntervalMs })
    class QueueWorker extends DueWorkProcessor {}

    return {
      module: DueWorkQueueModule,
      imports: [
        BullModule.forRoot({ connection: { url: redisUrl } }),
        BullModule.registerQueue({ name: queueName }),
        ReminderCommandsModule,
        FormCommandsModule,
      ],
      providers: [
        DueWorkRunner,
        {
          provide: QueueWorker,
          inject: [DueWorkRunner],
          useFactory: (runner: DueWorkRunner) => new QueueWorker(runner),
        },
        { provide: DUE_WORK_QUEUE, useExisting: getQueueToken(queueName) },
        { provide: ENQUEUER_OPTIONS, useValue: enqueuer satisfies EnqueuerOptions },
        DueWorkEnqueuer,
      ],
      exports: [DueWorkEnqueuer],
    };
  }
}
