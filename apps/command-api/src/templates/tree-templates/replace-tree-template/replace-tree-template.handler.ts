import { Inject, Injectable } from '@nestjs/common';
import {
  checkTreeFolders,
  checkTemplateName,
  NotFoundError,
  treeTemplateDecider,
  treeTemplateStreamId,
} from '@dossiers/domain';
import { handleCommand, type CommandContext, type CommandResult } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { throwIfInvalid } from '../../template-input';
import type { TreeTemplateDto } from '../tree-template.dto';

/** Replaces name and folders; the clients it was applied to keep their folders. */
@Injectable()
export class ReplaceTreeTemplateHandler {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  execute(templateId: string, dto: TreeTemplateDto, context: CommandContext): Promise<CommandResult> {
    const name = checkTemplateName(dto.name, 'name');
    const folders = checkTreeFolders(dto.folders, 'folders');
    throwIfInvalid(name, folders);
    return handleCommand(
      this.eventStore,
      treeTemplateDecider,
      treeTemplateStreamId(templateId),
      { type: 'ReplaceTreeTemplate', templateId, name: name.value!, folders: folders.value! },
      context,
      () => new NotFoundError('tree template', templateId),
    );
  }
}
