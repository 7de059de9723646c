import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { clientStreamId, NotFoundError } from '@dossiers/domain';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { readEventPage, type EventPage } from '../event-page';
import { ClientHistoryQuery } from './client-history.query';

/**
 * What an auditor replays: the client's own stream, oldest first, with who did it, when, and in
 * which request. The stream itself knows the client before any read model does, so it is also
 * what says the client exists.
 */
@QueryHandler(ClientHistoryQuery)
export class ClientHistoryHandler implements IQueryHandler<ClientHistoryQuery> {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  async execute({ principal, clientId, params }: ClientHistoryQuery): Promise<EventPage> {
    const streamId = clientStreamId(clientId);
    const { page, empty } = await readEventPage(
      this.eventStore,
      principal.tenant,
      clientId,
      streamId,
      params,
    );
    if (empty) throw new NotFoundError('client', clientId);
    return page;
  }
}
