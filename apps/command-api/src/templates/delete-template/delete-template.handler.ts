import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@dossiers/application';
import { TemplateWriters } from '../template-writer';
import { DeleteTemplateCommand } from './delete-template.command';

@CommandHandler(DeleteTemplateCommand)
export class DeleteTemplateHandler implements ICommandHandler<DeleteTemplateCommand> {
  constructor(private readonly writers: TemplateWriters) {}

  async execute({ kind, templateId, context }: DeleteTemplateCommand): Promise<CommandResult> {
    return this.writers[kind].delete(templateId, context);
  }
}
