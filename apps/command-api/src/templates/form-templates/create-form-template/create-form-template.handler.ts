import { Inject, Injectable } from '@nestjs/common';
import {
  checkFormSections,
  checkTemplateName,
  NotFoundError,
  formTemplateDecider,
  formTemplateStreamId,
} from '@dossiers/domain';
import { handleCommand, type CommandContext, type CommandResult } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { throwIfInvalid } from '../../template-input';
import type { CreateFormTemplateDto } from './create-form-template.dto';

@Injectable()
export class CreateFormTemplateHandler {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  execute(templateId: string, dto: CreateFormTemplateDto, context: CommandContext): Promise<CommandResult> {
    const name = checkTemplateName(dto.name, 'name');
    const sections = checkFormSections(dto.sections, 'sections');
    throwIfInvalid(name, sections);
    return handleCommand(
      this.eventStore,
      formTemplateDecider,
      formTemplateStreamId(templateId),
      { type: 'CreateFormTemplate', templateId, name: name.value!, sections: sections.value! },
      context,
      () => new NotFoundError('form template', templateId),
    );
  }
}
