import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@dossiers/application';
import { actorOf } from '../../clients/client-command-runner';
import { FileContentWriter } from '../file-content-writer';
import { UploadFileVersionCommand } from './upload-file-version.command';

/** A new version of a file's content (the decider asks full access on its folder); the file keeps its name. */
@CommandHandler(UploadFileVersionCommand)
export class UploadFileVersionHandler implements ICommandHandler<UploadFileVersionCommand> {
  constructor(private readonly writer: FileContentWriter) {}

  async execute({ clientId, fileId, receive, context }: UploadFileVersionCommand): Promise<CommandResult> {
    const actor = actorOf(context);
    return this.writer.upload(clientId, receive, context, (content) => ({
      type: 'UploadFileVersion',
      clientId,
      fileId,
      content,
      actor,
    }));
  }
}
