import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@dossiers/application';
import { actorOf } from '../../clients/client-command-runner';
import { FileContentWriter } from '../file-content-writer';
import { UploadFileCommand } from './upload-file.command';

/** Publishes a file into a folder (the decider asks full access on it), named as it was sent. */
@CommandHandler(UploadFileCommand)
export class UploadFileHandler implements ICommandHandler<UploadFileCommand> {
  constructor(private readonly writer: FileContentWriter) {}

  async execute({ clientId, folderId, fileId, receive, context }: UploadFileCommand): Promise<CommandResult> {
    const actor = actorOf(context);
    return this.writer.upload(clientId, receive, context, (content, name) => ({
      type: 'UploadFile',
      clientId,
      fileId,
      folderId,
      name,
      content,
      actor,
    }));
  }
}
