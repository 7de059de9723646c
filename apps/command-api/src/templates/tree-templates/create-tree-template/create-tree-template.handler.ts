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

@Injectable()
export class CreateTreeTemplateHandler {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  execute(templateId: string, dto: TreeTemplateDto, context: CommandContext): Promise<CommandResult> {
    const name = checkTemplateName(dto.name, 'name');
    const folders = checkTreeFolders(dto.folders, 'folders');
    throwIfInvalid(name, folders);
    return handleCommand(
      this.eventStore,
      treeTemplateDecider,
      treeTemplateStreamId(templateId),
      { type: 'CreateTreeTemplate', templateId, name: name.value!, folders: folders.value! },
      context,
      () => new NotFoundError('tree template', templateId),
    );
  }
}
