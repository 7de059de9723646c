import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** DELETE /clients/:id/contacts/:contactId */
export class DetachContactCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly contactId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
