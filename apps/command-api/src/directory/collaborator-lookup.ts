import { Inject, Injectable } from '@nestjs/common';
import {
  collaboratorDecider,
  collaboratorStreamId,
  NotFoundError,
  type CollaboratorState,
} from '@dossiers/domain';
import { loadStream } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';

/** Commands that name a collaborator read it from the event store (the source of truth), never a read model. */
@Injectable()
export class CollaboratorLookup {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  /** The collaborator's state; `absent` for an unknown id and for another tenant's collaborator alike. */
  async find(collaboratorId: string, tenant: string): Promise<CollaboratorState> {
    try {
      const { state } = await loadStream(
        this.eventStore,
        collaboratorDecider,
        collaboratorStreamId(collaboratorId),
        tenant,
        () => new NotFoundError('collaborator', collaboratorId),
      );
      return state;
    } catch (error) {
      if (error instanceof NotFoundError) return { status: 'absent' };
      throw error;
    }
  }
}
