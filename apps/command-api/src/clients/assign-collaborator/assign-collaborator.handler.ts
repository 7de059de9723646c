import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { validOrThrow } from '@dossiers/domain';
import type { CommandResult } from '@dossiers/application';
import { actorOf, ClientCommandRunner } from '../client-command-runner';
import { CollaboratorSteps } from '../steps/collaborator-steps';
import { AssignCollaboratorCommand } from './assign-collaborator.command';

/** Sets a collaborator of the firm's directory's access to the client. */
@CommandHandler(AssignCollaboratorCommand)
export class AssignCollaboratorHandler implements ICommandHandler<AssignCollaboratorCommand> {
  constructor(
    private readonly collaborators: CollaboratorSteps,
    private readonly runner: ClientCommandRunner,
  ) {}

  async execute({
    clientId,
    collaboratorId,
    access,
    context,
  }: AssignCollaboratorCommand): Promise<CommandResult> {
    const command = validOrThrow(
      await this.collaborators.collaborator(clientId, collaboratorId, access, '', context.tenant),
    );
    return this.runner.run(clientId, { ...command, actor: actorOf(context) }, context);
  }
}
