import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** PATCH /clients/:id/folders/:folderId: `parentId` absent keeps the parent, null moves to the root. */
export class UpdateFolderCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly folderId: string,
    readonly changes: { name?: string; parentId?: string | null },
    readonly context: CommandContext,
  ) {
    super();
  }
}
