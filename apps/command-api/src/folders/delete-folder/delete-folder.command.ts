import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** DELETE /clients/:id/folders/:folderId[?recursive=true]. */
export class DeleteFolderCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly folderId: string,
    readonly recursive: boolean,
    readonly context: CommandContext,
  ) {
    super();
  }
}
