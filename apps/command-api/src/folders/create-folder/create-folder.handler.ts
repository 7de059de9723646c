import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@dossiers/application';
import { actorOf, ClientCommandRunner } from '../../clients/client-command-runner';
import { TenantSettingsLookup } from '../../settings/tenant-settings-lookup';
import { CreateFolderCommand } from './create-folder.command';

/**
 * A new subfolder inherits its parent's rights for everyone, unless the firm's policy is `locked`:
 * then contacts get none on it until someone gives them a right. The decider checks the actor's
 * right to shape the tree.
 */
@CommandHandler(CreateFolderCommand)
export class CreateFolderHandler implements ICommandHandler<CreateFolderCommand> {
  constructor(
    private readonly runner: ClientCommandRunner,
    private readonly settings: TenantSettingsLookup,
  ) {}

  async execute({
    clientId,
    folderId,
    parentId,
    name,
    context,
  }: CreateFolderCommand): Promise<CommandResult> {
    const { newFolderDefault } = await this.settings.current(context.tenant);
    return this.runner.runChecked(
      clientId,
      {
        type: 'CreateFolder',
        clientId,
        folderId,
        parentId,
        name,
        contactDefault: newFolderDefault === 'locked' ? 'none' : null,
        actor: actorOf(context),
      },
      context,
    );
  }
}
