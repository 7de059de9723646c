import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, treeTemplateDecider, treeTemplateStreamId } from '@dossiers/domain';
import { handleCommand, type CommandContext, type CommandResult } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';

/** The clients the template was applied to keep their folders. */
@Injectable()
export class DeleteTreeTemplateHandler {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  execute(templateId: string, context: CommandContext): Promise<CommandResult> {
    return handleCommand(
      this.eventStore,
      treeTemplateDecider,
      treeTemplateStreamId(templateId),
      { type: 'DeleteTreeTemplate', templateId },
      context,
      () => new NotFoundError('tree template', templateId),
    );
  }
}
