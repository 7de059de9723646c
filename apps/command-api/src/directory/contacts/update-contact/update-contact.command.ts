import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** PATCH /contacts/:id: only the fields to change, as typed; `phone: null` removes the phone. */
export class UpdateContactCommand extends Command<CommandResult> {
  constructor(
    readonly contactId: string,
    readonly changes: {
      firstName?: string;
      lastName?: string;
      email?: string;
      phone?: string | null;
      language?: string;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}
