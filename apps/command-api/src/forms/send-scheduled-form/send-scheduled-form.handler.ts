import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { FormRenderInputs } from '@dossiers/domain';
import { Aggregates, type CommandContext, type CommandResult } from '@dossiers/application';
import { deterministicUuid } from '@dossiers/platform';
import { FormSteps } from '../form-steps';
import { SendScheduledFormCommand } from './send-scheduled-form.command';

/**
 * Sends a scheduled form, its mails rendered with the client's state of now. A job that runs twice
 * appends once: the decider answers [] once it is sent, and the event's id derives from the form,
 * so two racing workers write it once. Straight to the aggregate (a service runs it, not a member).
 */
@CommandHandler(SendScheduledFormCommand)
export class SendScheduledFormHandler implements ICommandHandler<SendScheduledFormCommand> {
  constructor(
    private readonly steps: FormSteps,
    private readonly aggregates: Aggregates,
  ) {}

  execute({ clientId, formId, context }: SendScheduledFormCommand): Promise<CommandResult> {
    const formContext: CommandContext = {
      ...context,
      eventId: (_streamId, index) =>
        deterministicUuid(`${context.tenant}/${clientId}/form/${formId}/sent/${index}`),
    };
    return this.aggregates.clients.handle<FormRenderInputs>(
      clientId,
      (_state, inputs) => ({ type: 'SendScheduledForm', clientId, formId, now: context.now, ...inputs }),
      formContext,
      { prepare: (state) => this.steps.renderInputs(state, context.tenant) },
    );
  }
}
