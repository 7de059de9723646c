import { Query } from '@nestjs/cqrs';
import type { Principal } from '@dossiers/platform';
import type { EventPage, EventPageParams } from '../event-page';

/** GET /clients/:id/downloads: a page of the client's downloads stream. */
export class ListDownloadsQuery extends Query<EventPage> {
  constructor(
    readonly principal: Principal,
    readonly clientId: string,
    readonly params: EventPageParams,
  ) {
    super();
  }
}
