import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@dossiers/application';
import { actorOf, ClientCommandRunner } from '../../clients/client-command-runner';
import { DeleteFolderCommand } from './delete-folder.command';

/** Only an empty folder (422 FOLDER_NOT_EMPTY otherwise), unless recursive. */
@CommandHandler(DeleteFolderCommand)
export class DeleteFolderHandler implements ICommandHandler<DeleteFolderCommand> {
  constructor(private readonly runner: ClientCommandRunner) {}

  async execute({ clientId, folderId, recursive, context }: DeleteFolderCommand): Promise<CommandResult> {
    return this.runner.runChecked(
      clientId,
      { type: 'DeleteFolder', clientId, folderId, recursive, actor: actorOf(context) },
      context,
    );
  }
}
