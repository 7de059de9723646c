import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** POST /groups: a client group of the firm. */
export class CreateGroupCommand extends Command<CommandResult> {
  constructor(
    readonly groupId: string,
    readonly name: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
