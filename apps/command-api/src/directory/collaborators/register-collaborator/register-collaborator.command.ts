import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** POST /collaborators: a person of the firm's staff, as typed (the handler checks the details). */
export class RegisterCollaboratorCommand extends Command<CommandResult> {
  constructor(
    readonly collaboratorId: string,
    readonly details: { firstName: string; lastName: string; email: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
