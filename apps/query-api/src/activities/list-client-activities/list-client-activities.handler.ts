import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@dossiers/domain';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import {
  ACTIVITIES_COLLECTION,
  CLIENT_ACTIVITY_COLLECTION,
  clientEntriesFilter,
  keptEntries,
  type ActivityDoc,
  type ActivityEntry,
  type ClientActivityDoc,
} from '@dossiers/read-models';
import { ClientAccess, type ClientView } from '../../access/client-access';
import { clientLog, encodeCursor, parseActivityRequest } from '../activity-filters';
import { matchesFilters } from '../activity-match';
import { activityItem, peopleNames } from '../activity-item';
import { memberMaySee, memberSight } from '../activity-visibility';
import { ListClientActivitiesQuery, type ClientActivityPageView } from './list-client-activities.query';

/**
 * The client's last 1000 entries, which its activity document names, read from the firm-wide log
 * (one range of its client index) and filtered in memory. What the caller may not see is dropped
 * before anything is counted or paged, so it shows neither in the items, nor in the total, nor in
 * a cursor.
 */
@QueryHandler(ListClientActivitiesQuery)
export class ListClientActivitiesHandler implements IQueryHandler<ListClientActivitiesQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly access: ClientAccess,
  ) {}

  async execute({ principal, clientId, params }: ListClientActivitiesQuery): Promise<ClientActivityPageView> {
    const view = await this.access.view(principal, clientId);
    const scope = clientLog(clientId);
    const page = parseActivityRequest(params, scope);
    const doc = await this.readStore
      .collection<ClientActivityDoc>(CLIENT_ACTIVITY_COLLECTION)
      .findById(clientId);
    if (doc && doc.tenant !== principal.tenant) throw new NotFoundError('client', clientId);

    const matching = (await this.keptEntries(doc)).filter(matchesFilters(page.filters));
    const visible = await this.visibleTo(view, matching);
    const { before } = page;
    const after = before === null ? visible : visible.filter((e) => e.position < before);
    const items = after.slice(0, params.limit);
    const names = await peopleNames(this.readStore, principal.tenant, items);
    return {
      items: items.map((entry) => activityItem(entry, names)),
      total: visible.length,
      nextCursor:
        after.length > items.length
          ? encodeCursor(scope, page.filters, items[items.length - 1].position)
          : null,
    };
  }

  /** The client's kept entries, newest first. */
  private async keptEntries(doc: ClientActivityDoc | null): Promise<ActivityEntry[]> {
    const filter = doc && clientEntriesFilter(doc);
    if (!doc || !filter) return [];
    const found = await this.readStore.collection<ActivityDoc>(ACTIVITIES_COLLECTION).find(filter);
    return keptEntries(doc, found);
  }

  /** The entries the caller may see: all of them for staff, for a member through their rights now. */
  private async visibleTo(view: ClientView, entries: ActivityEntry[]): Promise<ActivityEntry[]> {
    if (view.kind === 'firm-wide' || entries.length === 0) return entries;
    const sight = await memberSight(this.readStore, view.clientId, view.member, entries);
    return entries.filter((entry) => memberMaySee(entry, sight));
  }
}
