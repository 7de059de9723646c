import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';
import type { TemplateKind } from '../template-writer';

/**
 * DELETE /sheet-templates/:id, /tree-templates/:id, /reminder-templates/:id: the clients keep their
 * fields and folders, and reminders scheduled from a template their texts.
 */
export class DeleteTemplateCommand extends Command<CommandResult> {
  constructor(
    readonly kind: TemplateKind,
    readonly templateId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
