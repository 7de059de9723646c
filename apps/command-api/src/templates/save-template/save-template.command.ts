import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';
import type { TemplateKind } from '../template-writer';

/**
 * POST /sheet-templates, PUT /sheet-templates/:id and the same for /tree-templates and
 * /reminder-templates: a template's name and content (the sheet's fields, the tree's folders, the
 * reminder's texts) as sent, checked by the handler.
 */
export class SaveTemplateCommand extends Command<CommandResult> {
  constructor(
    readonly kind: TemplateKind,
    readonly mode: 'create' | 'replace',
    readonly templateId: string,
    readonly name: unknown,
    readonly content: unknown,
    readonly context: CommandContext,
  ) {
    super();
  }
}
