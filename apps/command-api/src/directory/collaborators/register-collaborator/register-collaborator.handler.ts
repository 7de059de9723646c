import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { checkCollaboratorDetails, validOrThrow } from '@dossiers/domain';
import { Aggregates, type CommandResult } from '@dossiers/application';
import { RegisterCollaboratorCommand } from './register-collaborator.command';

/** Every bad field at once (400); then the decider's identity rule: admin and service only (403). */
@CommandHandler(RegisterCollaboratorCommand)
export class RegisterCollaboratorHandler implements ICommandHandler<RegisterCollaboratorCommand> {
  constructor(private readonly aggregates: Aggregates) {}

  async execute({ collaboratorId, details, context }: RegisterCollaboratorCommand): Promise<CommandResult> {
    return this.aggregates.collaborators.handle(
      collaboratorId,
      {
        type: 'RegisterCollaborator',
        collaboratorId,
        details: validOrThrow(checkCollaboratorDetails(details, '')),
        actorRole: context.role,
      },
      context,
    );
  }
}
