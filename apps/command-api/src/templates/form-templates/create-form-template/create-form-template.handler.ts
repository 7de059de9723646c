import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  checkAll,
  checkFormMessages,
  checkFormSections,
  checkTargetFolderPath,
  checkTemplateName,
  validOrThrow,
} from '@dossiers/domain';
import { Aggregates, type CommandResult } from '@dossiers/application';
import { CreateFormTemplateCommand } from './create-form-template.command';

/** Every problem of the body at once (400), like the sheet and tree templates. */
@CommandHandler(CreateFormTemplateCommand)
export class CreateFormTemplateHandler implements ICommandHandler<CreateFormTemplateCommand> {
  constructor(private readonly aggregates: Aggregates) {}

  async execute({ templateId, body, context }: CreateFormTemplateCommand): Promise<CommandResult> {
    const checked = validOrThrow(
      checkAll({
        name: checkTemplateName(body.name, 'name'),
        sections: checkFormSections(body.sections, 'sections'),
        targetFolderPath: checkTargetFolderPath(body.targetFolderPath, 'targetFolderPath'),
        messages: checkFormMessages(body.messages, 'messages'),
      }),
    );
    return this.aggregates.formTemplates.handle(
      templateId,
      { type: 'CreateFormTemplate', templateId, ...checked },
      context,
    );
  }
}
