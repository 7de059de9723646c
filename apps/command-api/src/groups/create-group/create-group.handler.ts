import { Inject, Injectable } from '@nestjs/common';
import { groupDecider, groupStreamId, NotFoundError, parseGroupName } from '@dossiers/domain';
import { handleCommand, type CommandContext, type CommandResult } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import type { CreateGroupDto } from './create-group.dto';

@Injectable()
export class CreateGroupHandler {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  execute(groupId: string, dto: CreateGroupDto, context: CommandContext): Promise<CommandResult> {
    return handleCommand(
      this.eventStore,
      groupDecider,
      groupStreamId(groupId),
      { type: 'CreateGroup', groupId, name: parseGroupName(dto.name) },
      context,
      () => new NotFoundError('group', groupId),
    );
  }
}
