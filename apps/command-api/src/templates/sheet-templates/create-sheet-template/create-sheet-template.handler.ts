import { Inject, Injectable } from '@nestjs/common';
import {
  checkSheetFields,
  checkTemplateName,
  NotFoundError,
  sheetTemplateDecider,
  sheetTemplateStreamId,
} from '@dossiers/domain';
import { handleCommand, type CommandContext, type CommandResult } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { throwIfInvalid } from '../../template-input';
import type { SheetTemplateDto } from '../sheet-template.dto';

@Injectable()
export class CreateSheetTemplateHandler {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  execute(templateId: string, dto: SheetTemplateDto, context: CommandContext): Promise<CommandResult> {
    const name = checkTemplateName(dto.name, 'name');
    const fields = checkSheetFields(dto.fields, 'fields');
    throwIfInvalid(name, fields);
    return handleCommand(
      this.eventStore,
      sheetTemplateDecider,
      sheetTemplateStreamId(templateId),
      { type: 'CreateSheetTemplate', templateId, name: name.value!, fields: fields.value! },
      context,
      () => new NotFoundError('sheet template', templateId),
    );
  }
}
