import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@dossiers/application';
import { TemplateWriters } from '../template-writer';
import { SaveTemplateCommand } from './save-template.command';

@CommandHandler(SaveTemplateCommand)
export class SaveTemplateHandler implements ICommandHandler<SaveTemplateCommand> {
  constructor(private readonly writers: TemplateWriters) {}

  async execute({
    kind,
    mode,
    templateId,
    name,
    content,
    context,
  }: SaveTemplateCommand): Promise<CommandResult> {
    return this.writers[kind].save(mode, templateId, { name, content }, context);
  }
}
