import { Inject, Injectable } from '@nestjs/common';
import { groupDecider, groupStreamId, NotFoundError, ValidationError } from '@dossiers/domain';
import { loadStream } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';

/** Commands that name a group check it against the event store (the source of truth), not a read model. */
@Injectable()
export class GroupLookup {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  async assertExists(groupId: string, tenant: string): Promise<void> {
    // A reference in the request body that leads nowhere is bad input naming its field (400), like any other.
    const unknownGroup = () =>
      new ValidationError([{ field: 'groupId', message: `no such group: ${groupId}` }]);
    try {
      const { state } = await loadStream(
        this.eventStore,
        groupDecider,
        groupStreamId(groupId),
        tenant,
        () => new NotFoundError('group', groupId),
      );
      if (state.status !== 'active') throw unknownGroup();
    } catch (error) {
      if (error instanceof NotFoundError) throw unknownGroup();
      throw error;
    }
  }
}
