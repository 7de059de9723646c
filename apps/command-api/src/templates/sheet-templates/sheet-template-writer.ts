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
import { throwIfInvalid } from '../template-input';
import type { SheetTemplateDto } from './sheet-template.dto';

/**
 * Creates a sheet template, or replaces its name and fields (the clients that loaded it keep
 * their copy): the same input, checked the same way, for POST and PUT.
 */
@Injectable()
export class SheetTemplateWriter {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  save(
    mode: 'create' | 'replace',
    templateId: string,
    dto: SheetTemplateDto,
    context: CommandContext,
  ): Promise<CommandResult> {
    const name = checkTemplateName(dto.name, 'name');
    const fields = checkSheetFields(dto.fields, 'fields');
    throwIfInvalid(name, fields);
    const type = mode === 'create' ? 'CreateSheetTemplate' : 'ReplaceSheetTemplate';
    return handleCommand(
      this.eventStore,
      sheetTemplateDecider,
      sheetTemplateStreamId(templateId),
      { type, templateId, name: name.value!, fields: fields.value! },
      context,
      () => new NotFoundError('sheet template', templateId),
    );
  }
}
