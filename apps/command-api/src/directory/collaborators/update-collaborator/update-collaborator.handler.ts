import { Inject, Injectable } from '@nestjs/common';
import {
  checkCollaboratorChanges,
  collaboratorDecider,
  collaboratorStreamId,
  NotFoundError,
  validOrThrow,
} from '@dossiers/domain';
import { handleCommand, type CommandContext, type CommandResult } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import type { UpdateCollaboratorDto } from './update-collaborator.dto';

@Injectable()
export class UpdateCollaboratorHandler {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  execute(
    collaboratorId: string,
    dto: UpdateCollaboratorDto,
    context: CommandContext,
  ): Promise<CommandResult> {
    return handleCommand(
      this.eventStore,
      collaboratorDecider,
      collaboratorStreamId(collaboratorId),
      {
        type: 'ChangeCollaboratorDetails',
        collaboratorId,
        changes: validOrThrow(checkCollaboratorChanges(dto, '')),
        actorRole: context.role,
      },
      context,
      () => new NotFoundError('collaborator', collaboratorId),
    );
  }
}
