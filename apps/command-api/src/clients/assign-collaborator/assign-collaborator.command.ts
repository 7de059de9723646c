import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** PUT /clients/:id/collaborators/:collaboratorId: sets a collaborator's access to the client. */
export class AssignCollaboratorCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly collaboratorId: string,
    readonly access: unknown,
    readonly context: CommandContext,
  ) {
    super();
  }
}
