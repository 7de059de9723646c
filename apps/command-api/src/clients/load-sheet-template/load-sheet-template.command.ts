import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';

/** POST /clients/:id/sheet-template: adds the template's fields to the client's sheet. */
export class LoadSheetTemplateCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly sheetTemplateId: unknown,
    readonly context: CommandContext,
  ) {
    super();
  }
}
