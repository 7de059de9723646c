import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ReminderRenderInputs } from '@dossiers/domain';
import { Aggregates, type CommandContext, type CommandResult } from '@dossiers/application';
import { deterministicUuid } from '@dossiers/platform';
import { ReminderSteps } from '../reminder-steps';
import { SendReminderOccurrenceCommand } from './send-reminder-occurrence.command';

/**
 * Sends (or skips, with its reason) one occurrence, deciding on the client's state of now: a job
 * that runs twice appends once. The decider answers [] for an occurrence already handled, and the
 * event's id derives from (reminder, occurrence), so two racing workers write it once (the store
 * drops an event whose id it has). It goes straight to the aggregate, not through the client's
 * access rules: a deleted client still records its skipped occurrence.
 */
@CommandHandler(SendReminderOccurrenceCommand)
export class SendReminderOccurrenceHandler implements ICommandHandler<SendReminderOccurrenceCommand> {
  constructor(
    private readonly steps: ReminderSteps,
    private readonly aggregates: Aggregates,
  ) {}

  execute({
    clientId,
    reminderId,
    occurrence,
    context,
  }: SendReminderOccurrenceCommand): Promise<CommandResult> {
    const occurrenceContext: CommandContext = {
      ...context,
      eventId: (_streamId, index) =>
        deterministicUuid(`${context.tenant}/${clientId}/reminder/${reminderId}/${occurrence}/${index}`),
    };
    return this.aggregates.clients.handle<ReminderRenderInputs>(
      clientId,
      (_state, inputs) => ({
        type: 'SendReminderOccurrence',
        clientId,
        reminderId,
        occurrence,
        now: context.now,
        ...inputs,
      }),
      occurrenceContext,
      { prepare: (state) => this.steps.renderInputs(state, context.tenant) },
    );
  }
}
