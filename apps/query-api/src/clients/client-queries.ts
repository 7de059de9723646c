import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@dossiers/domain';
import { READ_STORE, type Filter, type ReadStore, type Sort } from '@dossiers/read-store';
import {
  CLIENT_COUNTS_COLLECTION,
  CLIENT_SHEETS_COLLECTION,
  CLIENTS_COLLECTION,
  GROUPS_COLLECTION,
  type ClientCountDoc,
  type ClientSheetDoc,
  type ClientListDoc,
  type GroupDoc,
} from '@dossiers/read-models';
import type { Principal } from '@dossiers/platform';
import { ClientAccess } from '../access/client-access';
import type { ClientSort, ListClientsQuery } from './list-clients/list-clients.dto';
import { skipOf } from '../paging/page.query';

export const CLIENT_SORTS: Record<ClientSort, Sort> = {
  name: [
    ['nameSort', 1],
    ['_id', 1],
  ],
  '-name': [
    ['nameSort', -1],
    ['_id', -1],
  ],
  createdAt: [
    ['createdAt', 1],
    ['_id', 1],
  ],
  '-createdAt': [
    ['createdAt', -1],
    ['_id', -1],
  ],
};

export interface ClientListItem {
  id: string;
  name: string;
  groupId: string | null;
  groupName: string | null;
  /** null for collaborators and contacts (see toListItem) */
  membersCount: number | null;
  directoriesCount: number | null;
  createdAt: string;
  updatedAt: string;
}

/** Reads of the client base, from the read models only, always scoped to the caller's tenant. */
@Injectable()
export class ClientQueries {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly access: ClientAccess,
  ) {}

  private get clients() {
    return this.readStore.collection<ClientListDoc>(CLIENTS_COLLECTION);
  }

  /** `visibleIds`: the clients a collaborator or contact may see (null: the whole firm, for staff). */
  filterOf(
    tenant: string,
    query: Pick<ListClientsQuery, 'search' | 'groupId'>,
    visibleIds: string[] | null,
  ): Filter {
    const filter: Filter = { tenant };
    if (visibleIds) filter._id = { $in: visibleIds };
    if (query.groupId) filter.groupId = query.groupId;
    if (query.search?.trim()) filter.searchText = { $contains: query.search };
    return filter;
  }

  async list(
    principal: Principal,
    query: ListClientsQuery,
  ): Promise<{ items: ClientListItem[]; total: number }> {
    const { tenant } = principal;
    const visibleIds = await this.access.visibleClientIds(principal);
    if (visibleIds?.length === 0) return { items: [], total: 0 };
    const filter = this.filterOf(tenant, query, visibleIds);
    const skip = skipOf(query);
    const docs = await this.clients.find(filter, {
      sort: CLIENT_SORTS[query.sort],
      skip,
      limit: query.pageSize,
    });
    const groupNames = await this.groupNames(
      tenant,
      docs.map((d) => d.groupId),
    );
    const total = await this.total(tenant, filter, query, skip, docs.length, visibleIds !== null);
    return { items: docs.map((doc) => toListItem(doc, groupNames, visibleIds === null)), total };
  }

  /**
   * The total, counted as little as possible: a page that is partly filled ends the list (a rare
   * search term has just scanned the index once, no need to do it again); the whole firm's count is
   * kept by a projection; only a full or empty page of a search or a group is counted over the index.
   */
  private async total(
    tenant: string,
    filter: Filter,
    query: ListClientsQuery,
    skip: number,
    onPage: number,
    scoped: boolean,
  ) {
    const endsHere = onPage < query.pageSize && (onPage > 0 || skip === 0);
    if (endsHere) return skip + onPage;
    if (!scoped && !query.search?.trim() && !query.groupId) return this.clientCount(tenant);
    return this.clients.count(filter);
  }

  private async clientCount(tenant: string): Promise<number> {
    return (
      (await this.readStore.collection<ClientCountDoc>(CLIENT_COUNTS_COLLECTION).findById(tenant))?.clients ??
      0
    );
  }

  /** Group names for a page of clients: one lookup of the few groups it mentions. */
  async groupNames(tenant: string, groupIds: (string | null)[]): Promise<Map<string, string>> {
    const ids = [...new Set(groupIds.filter((id): id is string => id !== null))];
    if (ids.length === 0) return new Map();
    const groups = await this.readStore.collection<GroupDoc>(GROUPS_COLLECTION).findByIds(ids);
    return new Map(groups.filter((g) => g.tenant === tenant).map((g) => [g._id, g.name]));
  }
}

/**
 * The counts cover the whole client: every member, every folder. Folder rights may hide some of
 * them from a collaborator or a contact, so for them the counts are null rather than a leak, and
 * their `updatedAt` is the sheet's (sheetUpdatedAt), which work in hidden folders never moves.
 */
export function toListItem(
  doc: ClientListDoc,
  groupNames: Map<string, string>,
  asStaff: boolean,
): ClientListItem {
  return {
    id: doc._id,
    name: doc.name,
    groupId: doc.groupId,
    groupName: doc.groupId ? (groupNames.get(doc.groupId) ?? null) : null,
    membersCount: asStaff ? doc.membersCount : null,
    directoriesCount: asStaff ? doc.directoriesCount : null,
    createdAt: doc.createdAt,
    updatedAt: asStaff ? doc.updatedAt : doc.sheetUpdatedAt,
  };
}
