import { Logger } from '@nestjs/common';
import { WorkerHost } from '@nestjs/bullmq';
import { dueWorkKind, type DueDoc } from './due-work';
import { DueWorkRunner, type DueWorkOutcome } from './due-work-runner';

/** A job's data: which kind of work, and its due document as the scheduler read it. */
export interface DueWorkJob {
  kind: string;
  doc: DueDoc;
}

/**
 * Runs the due-work jobs (the worker side of BullMQ): the same command an HTTP request would run,
 * through the CommandBus. A job run twice (a retry, a stalled job taken over after its worker died)
 * appends once: the command's event ids derive from the work. Not due yet by this worker's clock,
 * or a conflict: the job fails and BullMQ tries it again; once its attempts are spent it is
 * removed, and the scheduler enqueues it again while it is still due. `@Processor(queue)` is put
 * on a subclass by DueWorkQueueModule, the queue's name coming from the configuration.
 */
export class DueWorkProcessor extends WorkerHost {
  private readonly logger = new Logger('reminder-worker');

  constructor(private readonly runner: DueWorkRunner) {
    super();
  }

  async process(job: { id?: string; data: DueWorkJob }): Promise<DueWorkOutcome> {
    const kind = dueWorkKind(job.data.kind);
    // A job of a kind this version does not know: done, rather than retried forever.
    if (!kind) {
      this.logger.error({ message: 'unknown kind of due work', jobId: job.id, kind: job.data.kind });
      return 'stale';
    }
    const outcome = await this.runner.run(kind, job.data.doc);
    if (outcome === 'not-due' || outcome === 'retry')
      throw new Error(`${job.id}: ${outcome === 'retry' ? 'concurrency conflict' : 'not due yet'}`);
    return outcome;
  }
}
