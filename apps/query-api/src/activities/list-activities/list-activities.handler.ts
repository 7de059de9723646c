import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { ACTIVITIES_COLLECTION, loggedActivity, type ActivityDoc } from '@dossiers/read-models';
import { encodeCursor, firmLog, parseActivityRequest } from '../activity-filters';
import { activityStoreFilter } from '../activity-match';
import { activityItem, peopleNames } from '../activity-item';
import { ListActivitiesQuery, type FirmActivityPageView } from './list-activities.query';

/**
 * Filtered in the read store, newest first, one entry more than the page to know whether another
 * follows (no count: see the controller).
 */
@QueryHandler(ListActivitiesQuery)
export class ListActivitiesHandler implements IQueryHandler<ListActivitiesQuery> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ principal, params }: ListActivitiesQuery): Promise<FirmActivityPageView> {
    const page = parseActivityRequest(params, firmLog(principal.tenant));
    const found = await this.readStore
      .collection<ActivityDoc>(ACTIVITIES_COLLECTION)
      .find(activityStoreFilter(principal.tenant, page), {
        sort: [['position', -1]],
        limit: params.limit + 1,
      });
    const entries = found.slice(0, params.limit).map(loggedActivity);
    const names = await peopleNames(this.readStore, principal.tenant, entries);
    return {
      items: entries.map((entry) => ({ ...activityItem(entry, names), clientId: entry.clientId })),
      nextCursor:
        found.length > entries.length
          ? encodeCursor(firmLog(principal.tenant), page.filters, entries[entries.length - 1].position)
          : null,
    };
  }
}
