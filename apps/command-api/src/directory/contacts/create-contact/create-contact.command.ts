import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** POST /contacts: a contact of the firm's directory, as typed (the handler checks the details). */
export class CreateContactCommand extends Command<CommandResult> {
  constructor(
    readonly contactId: string,
    readonly details: {
      firstName: string;
      lastName: string;
      email: string;
      phone?: string | null;
      language: string;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}
