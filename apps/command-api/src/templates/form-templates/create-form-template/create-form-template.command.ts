import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** POST /form-templates: the name and sections as sent, checked by the handler. */
export class CreateFormTemplateCommand extends Command<CommandResult> {
  constructor(
    readonly templateId: string,
    readonly name: unknown,
    readonly sections: unknown,
    readonly context: CommandContext,
  ) {
    super();
  }
}
