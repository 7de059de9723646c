import { Query } from '@nestjs/cqrs';
import type { Principal } from '@dossiers/platform';
import type { ActivityParams } from '../activity-filters';
import type { ActivityItemView } from '../activity-item';

export interface ClientActivityPageView {
  items: ActivityItemView[];
  /** every entry matching the filters that the caller may see, all pages */
  total: number;
  nextCursor: string | null;
}

/** GET /clients/:id/activities: a page of the client's last activities, newest first. */
export class ListClientActivitiesQuery extends Query<ClientActivityPageView> {
  constructor(
    readonly principal: Principal,
    readonly clientId: string,
    readonly params: ActivityParams & { limit: number },
  ) {
    super();
  }
}
