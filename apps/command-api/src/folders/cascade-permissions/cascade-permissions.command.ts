import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** POST /clients/:id/folders/:folderId/permissions/cascade: `principalIds` absent means everyone. */
export class CascadePermissionsCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly folderId: string,
    readonly principalIds: string[] | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}
