import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@dossiers/application';
import { actorOf, ClientCommandRunner } from '../../clients/client-command-runner';
import { UpdateFolderCommand } from './update-folder.command';

/** Rename and/or move (never into itself or below it); inherited rights then follow the new parent. */
@CommandHandler(UpdateFolderCommand)
export class UpdateFolderHandler implements ICommandHandler<UpdateFolderCommand> {
  constructor(private readonly runner: ClientCommandRunner) {}

  async execute({ clientId, folderId, changes, context }: UpdateFolderCommand): Promise<CommandResult> {
    const { name, parentId } = changes;
    return this.runner.runChecked(
      clientId,
      { type: 'UpdateFolder', clientId, folderId, name, parentId, actor: actorOf(context) },
      context,
    );
  }
}
