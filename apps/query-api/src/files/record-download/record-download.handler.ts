import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Aggregates, type CommandResult } from '@dossiers/application';
import { RecordDownloadCommand } from './record-download.command';

/**
 * Appended to the client's downloads stream, not its own: recording a download never moves the
 * client's revision (its ETag). The rights were checked before, on the read models.
 */
@CommandHandler(RecordDownloadCommand)
export class RecordDownloadHandler implements ICommandHandler<RecordDownloadCommand> {
  constructor(private readonly aggregates: Aggregates) {}

  execute({ clientId, fileId, version, range, context }: RecordDownloadCommand): Promise<CommandResult> {
    return this.aggregates.clientDownloads.handle(
      clientId,
      { type: 'RecordDownload', clientId, fileId, version, range },
      context,
    );
  }
}
