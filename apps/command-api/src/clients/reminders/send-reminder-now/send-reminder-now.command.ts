import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** POST /clients/:id/reminders/:reminderId/send-now: an extra occurrence, now. */
export class SendReminderNowCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly reminderId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
