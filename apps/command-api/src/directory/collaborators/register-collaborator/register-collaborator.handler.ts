import { Inject, Injectable } from '@nestjs/common';
import {
  checkCollaboratorDetails,
  collaboratorDecider,
  collaboratorStreamId,
  NotFoundError,
  validOrThrow,
} from '@dossiers/domain';
import { handleCommand, type CommandContext, type CommandResult } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import type { RegisterCollaboratorDto } from './register-collaborator.dto';

@Injectable()
export class RegisterCollaboratorHandler {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  execute(
    collaboratorId: string,
    dto: RegisterCollaboratorDto,
    context: CommandContext,
  ): Promise<CommandResult> {
    return handleCommand(
      this.eventStore,
      collaboratorDecider,
      collaboratorStreamId(collaboratorId),
      {
        type: 'RegisterCollaborator',
        collaboratorId,
        details: validOrThrow(checkCollaboratorDetails(dto, '')),
        actorRole: context.role,
      },
      context,
      () => new NotFoundError('collaborator', collaboratorId),
    );
  }
}
