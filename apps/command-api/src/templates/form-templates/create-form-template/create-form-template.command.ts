import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** POST /form-templates: the body as sent, checked by the handler. */
export class CreateFormTemplateCommand extends Command<CommandResult> {
  constructor(
    readonly templateId: string,
    readonly body: { name: unknown; sections: unknown; targetFolderPath?: unknown; messages?: unknown },
    readonly context: CommandContext,
  ) {
    super();
  }
}
