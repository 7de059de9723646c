import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { checkFileName, validOrThrow } from '@dossiers/domain';
import type { CommandResult } from '@dossiers/application';
import { actorOf, ClientCommandRunner } from '../../clients/client-command-runner';
import { UpdateFileCommand } from './update-file.command';

/** Rename and/or move a file; the decider asks full access on its folder, and on the new one. */
@CommandHandler(UpdateFileCommand)
export class UpdateFileHandler implements ICommandHandler<UpdateFileCommand> {
  constructor(private readonly runner: ClientCommandRunner) {}

  async execute({ clientId, fileId, changes, context }: UpdateFileCommand): Promise<CommandResult> {
    const name = changes.name === undefined ? undefined : validOrThrow(checkFileName(changes.name, 'name'));
    return this.runner.runChecked(
      clientId,
      { type: 'UpdateFile', clientId, fileId, name, folderId: changes.folderId, actor: actorOf(context) },
      context,
    );
  }
}
