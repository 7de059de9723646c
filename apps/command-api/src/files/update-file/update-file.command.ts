import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** PATCH /clients/:id/files/:fileId: a new name (as typed) and/or another folder. */
export class UpdateFileCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly fileId: string,
    readonly changes: { name?: string; folderId?: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
