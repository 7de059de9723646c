import { Inject, Injectable } from '@nestjs/common';
import {
  checkTemplateName,
  checkTreeFolders,
  NotFoundError,
  treeTemplateDecider,
  treeTemplateStreamId,
} from '@dossiers/domain';
import { handleCommand, type CommandContext, type CommandResult } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { throwIfInvalid } from '../template-input';
import type { TreeTemplateDto } from './tree-template.dto';

/**
 * Creates a tree template, or replaces its name and folders (the clients it was applied to keep
 * their folders): the same input, checked the same way, for POST and PUT.
 */
@Injectable()
export class TreeTemplateWriter {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  save(
    mode: 'create' | 'replace',
    templateId: string,
    dto: TreeTemplateDto,
    context: CommandContext,
  ): Promise<CommandResult> {
    const name = checkTemplateName(dto.name, 'name');
    const folders = checkTreeFolders(dto.folders, 'folders');
    throwIfInvalid(name, folders);
    const type = mode === 'create' ? 'CreateTreeTemplate' : 'ReplaceTreeTemplate';
    return handleCommand(
      this.eventStore,
      treeTemplateDecider,
      treeTemplateStreamId(templateId),
      { type, templateId, name: name.value!, folders: folders.value! },
      context,
      () => new NotFoundError('tree template', templateId),
    );
  }
}
