import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@dossiers/application';
import { actorOf, ClientCommandRunner } from '../../clients/client-command-runner';
import { DeleteFileCommand } from './delete-file.command';

/**
 * Removes a file from its folder (the decider asks full access). Its contents stay in the blob
 * store: the history still names them, and an auditor may need them.
 */
@CommandHandler(DeleteFileCommand)
export class DeleteFileHandler implements ICommandHandler<DeleteFileCommand> {
  constructor(private readonly runner: ClientCommandRunner) {}

  async execute({ clientId, fileId, context }: DeleteFileCommand): Promise<CommandResult> {
    return this.runner.runChecked(
      clientId,
      { type: 'DeleteFile', clientId, fileId, actor: actorOf(context) },
      context,
    );
  }
}
