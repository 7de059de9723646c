import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** POST /clients/:id/folders: a folder under `parentId` (null: at the root). */
export class CreateFolderCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly folderId: string,
    readonly parentId: string | null,
    readonly name: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
