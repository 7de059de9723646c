import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { checkAll, checkFormSections, checkTemplateName, validOrThrow } from '@dossiers/domain';
import { Aggregates, type CommandResult } from '@dossiers/application';
import { CreateFormTemplateCommand } from './create-form-template.command';

/** Every problem of the name and the sections at once (400), like the sheet and tree templates. */
@CommandHandler(CreateFormTemplateCommand)
export class CreateFormTemplateHandler implements ICommandHandler<CreateFormTemplateCommand> {
  constructor(private readonly aggregates: Aggregates) {}

  async execute({ templateId, name, sections, context }: CreateFormTemplateCommand): Promise<CommandResult> {
    const checked = validOrThrow(
      checkAll({ name: checkTemplateName(name, 'name'), sections: checkFormSections(sections, 'sections') }),
    );
    return this.aggregates.formTemplates.handle(
      templateId,
      { type: 'CreateFormTemplate', templateId, ...checked },
      context,
    );
  }
}
