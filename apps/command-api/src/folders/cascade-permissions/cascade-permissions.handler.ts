import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@dossiers/application';
import { actorOf, ClientCommandRunner } from '../../clients/client-command-runner';
import { CascadePermissionsCommand } from './cascade-permissions.command';

/**
 * CascadePermissions ("faire cascader les droits"): copies this folder's effective rights onto
 * every folder below it, recorded as one event listing the folders it changed.
 */
@CommandHandler(CascadePermissionsCommand)
export class CascadePermissionsHandler implements ICommandHandler<CascadePermissionsCommand> {
  constructor(private readonly runner: ClientCommandRunner) {}

  async execute({
    clientId,
    folderId,
    principalIds,
    context,
  }: CascadePermissionsCommand): Promise<CommandResult> {
    return this.runner.runChecked(
      clientId,
      { type: 'CascadePermissions', clientId, folderId, principalIds, actor: actorOf(context) },
      context,
    );
  }
}
