import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** POST /clients/:id/tree: adds the template's folders the client lacks. */
export class ApplyTreeTemplateCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly treeTemplateId: unknown,
    readonly context: CommandContext,
  ) {
    super();
  }
}
