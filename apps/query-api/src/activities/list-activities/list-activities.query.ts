import { Query } from '@nestjs/cqrs';
import type { Principal } from '@dossiers/platform';
import type { ActivityParams } from '../activity-filters';
import type { ActivityItemView } from '../activity-item';

export type FirmActivityItemView = ActivityItemView & { clientId: string };

export interface FirmActivityPageView {
  items: FirmActivityItemView[];
  nextCursor: string | null;
}

/** GET /activities: a page of every activity the firm ever recorded, newest first. */
export class ListActivitiesQuery extends Query<FirmActivityPageView> {
  constructor(
    readonly principal: Principal,
    readonly params: ActivityParams & { limit: number },
  ) {
    super();
  }
}
