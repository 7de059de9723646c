import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** DELETE /clients/:id/files/:fileId. */
export class DeleteFileCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly fileId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
