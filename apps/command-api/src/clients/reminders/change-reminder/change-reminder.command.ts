import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** The body of PATCH /clients/:id/reminders/:reminderId, as sent: what is absent does not change. */
export type ChangeReminderInput = {
  subject?: unknown;
  body?: unknown;
  recipients?: unknown;
  schedule?: unknown;
};

/** PATCH /clients/:id/reminders/:reminderId */
export class ChangeReminderCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly reminderId: string,
    readonly input: ChangeReminderInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
