import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** DELETE /clients/:id/reminders/:reminderId: cancels it (its history stays). */
export class CancelReminderCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly reminderId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
