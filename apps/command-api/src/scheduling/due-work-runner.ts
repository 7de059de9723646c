import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@dossiers/application';
import { DomainError } from '@dossiers/domain';
import { WrongExpectedVersionError } from '@dossiers/event-store';
import { CLOCK, type Clock } from '@dossiers/platform';
import type { DueDoc, DueWorkKind } from './due-work';

/** The service principal the schedulers act as, in the firm of the work. */
export const SCHEDULER_ACTOR = 'reminder-scheduler';

/**
 * done: the command ran (it appended, or found the work already done); stale: the read model was
 * behind (rescheduled, ended, gone), nothing to do; not-due: not due by this clock yet; retry: a
 * concurrency conflict the command's own retries did not settle.
 */
export type DueWorkOutcome = 'done' | 'stale' | 'not-due' | 'retry';

/**
 * Runs one piece of due work through the CommandBus, exactly as a request would, as the service
 * principal of its firm, at the instant of the one clock. Idempotence is the command's: its event
 * ids derive from the work, and the decider answers nothing for work already done.
 */
@Injectable()
export class DueWorkRunner {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(kind: DueWorkKind, doc: DueDoc): Promise<DueWorkOutcome> {
    const context: CommandContext = {
      tenant: doc.tenant,
      actor: SCHEDULER_ACTOR,
      role: 'service',
      correlationId: randomUUID(),
      causationId: null,
      now: this.clock.now().toISOString(),
      eventId: () => randomUUID(),
      newId: () => randomUUID(),
    };
    try {
      await this.commandBus.execute(kind.command(doc, context));
      return 'done';
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return 'retry';
      if (error instanceof DomainError && error.code === kind.notDue) return 'not-due';
      if (error instanceof DomainError && kind.stale.includes(error.code)) return 'stale';
      throw error;
    }
  }
}
