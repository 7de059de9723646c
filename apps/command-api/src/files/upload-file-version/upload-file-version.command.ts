import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';
import type { ReceiveFile } from '../file-content-writer';

/** PUT /clients/:id/files/:fileId/content: a new version of the file, whose content `receive` opens. */
export class UploadFileVersionCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly fileId: string,
    readonly receive: ReceiveFile,
    readonly context: CommandContext,
  ) {
    super();
  }
}
