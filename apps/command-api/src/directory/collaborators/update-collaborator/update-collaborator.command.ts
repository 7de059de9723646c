import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** PATCH /collaborators/:id: only the fields to change, as typed (the handler checks them). */
export class UpdateCollaboratorCommand extends Command<CommandResult> {
  constructor(
    readonly collaboratorId: string,
    readonly changes: { firstName?: string; lastName?: string; email?: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
