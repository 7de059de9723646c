import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';
import type { ReceiveFile } from '../file-content-writer';

/** POST /clients/:id/folders/:folderId/files: a new file, `fileId`, whose content `receive` opens. */
export class UploadFileCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly folderId: string,
    readonly fileId: string,
    readonly receive: ReceiveFile,
    readonly context: CommandContext,
  ) {
    super();
  }
}
