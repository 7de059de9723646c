import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';
import type { FolderRight } from '@dossiers/events';

/** PUT /clients/:id/folders/:folderId/permissions/:principalId. */
export class SetFolderPermissionCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly folderId: string,
    readonly principalId: string,
    readonly right: FolderRight,
    readonly context: CommandContext,
  ) {
    super();
  }
}
