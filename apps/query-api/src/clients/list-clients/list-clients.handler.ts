import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type Filter, type ReadStore } from '@dossiers/read-store';
import {
  CLIENT_COUNTS_COLLECTION,
  CLIENTS_COLLECTION,
  type ClientCountDoc,
  type ClientListDoc,
} from '@dossiers/read-models';
import { ClientAccess } from '../../access/client-access';
import { skipOf } from '../../paging/paging';
import { CLIENT_SORT_ORDERS, clientFilter, groupNames, toListItem } from '../client-list';
import { ListClientsQuery, type ClientPageView } from './list-clients.query';

/** Staff see the firm's client base; a collaborator or a contact, the clients they may see. */
@QueryHandler(ListClientsQuery)
export class ListClientsHandler implements IQueryHandler<ListClientsQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly access: ClientAccess,
  ) {}

  private get clients() {
    return this.readStore.collection<ClientListDoc>(CLIENTS_COLLECTION);
  }

  async execute({ principal, params }: ListClientsQuery): Promise<ClientPageView> {
    const { tenant } = principal;
    const visibleIds = await this.access.visibleClientIds(principal);
    if (visibleIds?.length === 0) return { items: [], total: 0 };
    const filter = clientFilter(tenant, params, visibleIds);
    const skip = skipOf(params);
    const docs = await this.clients.find(filter, {
      sort: CLIENT_SORT_ORDERS[params.sort],
      skip,
      limit: params.pageSize,
    });
    const names = await groupNames(
      this.readStore,
      tenant,
      docs.map((d) => d.groupId),
    );
    const total = await this.total(tenant, filter, params, skip, docs.length, visibleIds !== null);
    return { items: docs.map((doc) => toListItem(doc, names, visibleIds === null)), total };
  }

  /**
   * The total, counted as little as possible: a page that is partly filled ends the list (a rare
   * search term has just scanned the index once, no need to do it again); the whole firm's count is
   * kept by a projection; only a full or empty page of a search or a group is counted over the index.
   */
  private async total(
    tenant: string,
    filter: Filter,
    params: ListClientsQuery['params'],
    skip: number,
    onPage: number,
    scoped: boolean,
  ): Promise<number> {
    const endsHere = onPage < params.pageSize && (onPage > 0 || skip === 0);
    if (endsHere) return skip + onPage;
    if (!scoped && !params.search?.trim() && !params.groupId) return this.clientCount(tenant);
    return this.clients.count(filter);
  }

  private async clientCount(tenant: string): Promise<number> {
    const counts = this.readStore.collection<ClientCountDoc>(CLIENT_COUNTS_COLLECTION);
    return (await counts.findById(tenant))?.clients ?? 0;
  }
}
