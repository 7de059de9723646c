import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ReminderRenderInputs } from '@dossiers/domain';
import type { CommandResult } from '@dossiers/application';
import { ClientCommandRunner } from '../../client-command-runner';
import { ReminderSteps } from '../reminder-steps';
import { SendReminderNowCommand } from './send-reminder-now.command';

/** Sends a reminder now, besides its schedule, to its recipients attached now. */
@CommandHandler(SendReminderNowCommand)
export class SendReminderNowHandler implements ICommandHandler<SendReminderNowCommand> {
  constructor(
    private readonly steps: ReminderSteps,
    private readonly runner: ClientCommandRunner,
  ) {}

  execute({ clientId, reminderId, context }: SendReminderNowCommand): Promise<CommandResult> {
    return this.runner.run<ReminderRenderInputs>(
      clientId,
      (_state, inputs) => ({ type: 'SendReminderNow', clientId, reminderId, now: context.now, ...inputs }),
      context,
      { prepare: (state) => this.steps.renderInputs(state, context.tenant) },
    );
  }
}
