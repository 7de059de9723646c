import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@dossiers/application';
import { ClientCommandRunner } from '../../client-command-runner';
import { CancelReminderCommand } from './cancel-reminder.command';

/** Cancels a reminder: an occurrence already queued is skipped with reason `cancelled` when it runs. */
@CommandHandler(CancelReminderCommand)
export class CancelReminderHandler implements ICommandHandler<CancelReminderCommand> {
  constructor(private readonly runner: ClientCommandRunner) {}

  execute({ clientId, reminderId, context }: CancelReminderCommand): Promise<CommandResult> {
    return this.runner.run(clientId, { type: 'CancelReminder', clientId, reminderId }, context);
  }
}
