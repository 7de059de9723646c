import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@dossiers/application';
import { actorOf, ClientCommandRunner } from '../../clients/client-command-runner';
import { SetFolderPermissionCommand } from './set-folder-permission.command';

/** The right of one principal (a contact of the client or an assigned collaborator) on one folder. */
@CommandHandler(SetFolderPermissionCommand)
export class SetFolderPermissionHandler implements ICommandHandler<SetFolderPermissionCommand> {
  constructor(private readonly runner: ClientCommandRunner) {}

  async execute({
    clientId,
    folderId,
    principalId,
    right,
    context,
  }: SetFolderPermissionCommand): Promise<CommandResult> {
    return this.runner.runChecked(
      clientId,
      { type: 'SetFolderPermission', clientId, folderId, principalId, right, actor: actorOf(context) },
      context,
    );
  }
}
