import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { checkCollaboratorChanges, validOrThrow } from '@dossiers/domain';
import { Aggregates, type CommandResult } from '@dossiers/application';
import { UpdateCollaboratorCommand } from './update-collaborator.command';

/** Every bad field at once (400); then the decider's identity rule: admin and service only (403). */
@CommandHandler(UpdateCollaboratorCommand)
export class UpdateCollaboratorHandler implements ICommandHandler<UpdateCollaboratorCommand> {
  constructor(private readonly aggregates: Aggregates) {}

  async execute({ collaboratorId, changes, context }: UpdateCollaboratorCommand): Promise<CommandResult> {
    return this.aggregates.collaborators.handle(
      collaboratorId,
      {
        type: 'ChangeCollaboratorDetails',
        collaboratorId,
        changes: validOrThrow(checkCollaboratorChanges(changes, '')),
        actorRole: context.role,
      },
      context,
    );
  }
}
