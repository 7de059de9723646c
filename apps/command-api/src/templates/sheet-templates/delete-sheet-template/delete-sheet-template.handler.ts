import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, sheetTemplateDecider, sheetTemplateStreamId } from '@dossiers/domain';
import { handleCommand, type CommandContext, type CommandResult } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';

/** The clients that loaded the template keep their fields. */
@Injectable()
export class DeleteSheetTemplateHandler {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  execute(templateId: string, context: CommandContext): Promise<CommandResult> {
    return handleCommand(
      this.eventStore,
      sheetTemplateDecider,
      sheetTemplateStreamId(templateId),
      { type: 'DeleteSheetTemplate', templateId },
      context,
      () => new NotFoundError('sheet template', templateId),
    );
  }
}
