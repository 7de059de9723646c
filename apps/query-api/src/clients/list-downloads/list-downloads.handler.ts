import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { clientDownloadsStreamId } from '@dossiers/domain';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { ClientAccess } from '../../access/client-access';
import { readEventPage, type EventPage } from '../event-page';
import { ListDownloadsQuery } from './list-downloads.query';

/**
 * FileDownloaded events: who downloaded which file version, when, which range; from the client's
 * downloads stream, kept apart from its own so that a download never moves the client's revision.
 * A client without downloads has an empty stream, so the client's existence comes from ClientAccess.
 */
@QueryHandler(ListDownloadsQuery)
export class ListDownloadsHandler implements IQueryHandler<ListDownloadsQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly access: ClientAccess,
  ) {}

  async execute({ principal, clientId, params }: ListDownloadsQuery): Promise<EventPage> {
    await this.access.view(principal, clientId);
    const streamId = clientDownloadsStreamId(clientId);
    return (await readEventPage(this.eventStore, principal.tenant, clientId, streamId, params)).page;
  }
}
