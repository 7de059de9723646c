/**
 * A reminder worker process (the module `npm run start:reminder-worker` runs) whose jobs never
 * finish: each is held, alternately before its command runs and after it has appended, and
 * reported to the parent (IPC) until the test kills the process. What a worker killed in the
 * middle of its jobs leaves behind, at both points where it can die.
 *
 * Environment: the worker's usual one (DATA_DIR, REDIS_URL, REMINDER_QUEUE, ...), plus HOLD_CLOCK_AT
 * (the instant its clock reads), HOLD_LOCK_MS and HOLD_STALLED_MS (its BullMQ lock and stalled check).
 */
import 'reflect-metadata';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { CLOCK, loadConfig, type Clock } from '@dossiers/platform';
import { ReminderWorkerModule } from '../../apps/reminder-worker/src/reminder-worker.module';
import type { DueDoc, DueWorkKind } from '../../apps/command-api/src/scheduling/due-work';
import { DueWorkRunner, type DueWorkOutcome } from '../../apps/command-api/src/scheduling/due-work-runner';

/** What the parent hears: one message per job held, with whether its command has run. */
export interface HeldJob {
  jobId: string;
  appended: boolean;
  /** what its command came to, for a job held after it ran (else null), or the error it threw */
  outcome: DueWorkOutcome | null;
  error?: string;
}

class HoldingRunner extends DueWorkRunner {
  private taken = 0;

  override async run(kind: DueWorkKind, doc: DueDoc): Promise<DueWorkOutcome> {
    const appended = this.taken++ % 2 === 1;
    const jobId = kind.jobId(doc);
    try {
      const outcome = appended ? await super.run(kind, doc) : null;
      process.send!({ jobId, appended, outcome } satisfies HeldJob);
    } catch (error) {
      process.send!({ jobId, appended, outcome: null, error: String(error) } satisfies HeldJob);
    }
    return new Promise<never>(() => undefined);
  }
}

async function main(): Promise<void> {
  const at = new Date(process.env.HOLD_CLOCK_AT!);
  const clock: Clock = { now: () => at };
  const moduleRef = await Test.createTestingModule({
    imports: [
      ReminderWorkerModule.forRoot(loadConfig(), {
        pollMs: 100,
        lockDurationMs: Number(process.env.HOLD_LOCK_MS),
        stalledIntervalMs: Number(process.env.HOLD_STALLED_MS),
      }),
    ],
  })
    .overrideProvider(CLOCK)
    .useValue(clock)
    .overrideProvider(DueWorkRunner)
    .useFactory({
      inject: [CommandBus, CLOCK],
      factory: (bus: CommandBus, c: Clock) => new HoldingRunner(bus, c),
    })
    .compile();
  await moduleRef.init();
  process.send!('ready');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
