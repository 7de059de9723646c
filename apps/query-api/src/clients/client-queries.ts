import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@dossiers/domain';
import { READ_STORE, type Filter, type ReadStore, type Sort } from '@dossiers/read-store';
import {
  CLIENT_COUNTS_COLLECTION,
  CLIENTS_COLLECTION,
  GROUPS_COLLECTION,
  type ClientCountDoc,
  type ClientListDoc,
  type GroupDoc,
} from '@dossiers/read-models';
import type { ClientSort, ListClientsQuery } from './list-clients/list-clients.dto';

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
  membersCount: number;
  directoriesCount: number;
  createdAt: string;
  updatedAt: string;
}

/** Reads of the client base, from the read models only, always scoped to the caller's tenant. */
@Injectable()
export class ClientQueries {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  private get clients() {
    return this.readStore.collection<ClientListDoc>(CLIENTS_COLLECTION);
  }

  filterOf(tenant: string, query: Pick<ListClientsQuery, 'search' | 'groupId'>): Filter {
    const filter: Filter = { tenant };
    if (query.groupId) filter.groupId = query.groupId;
    if (query.search?.trim()) filter.searchText = { $contains: query.search };
    return filter;
  }

  async list(tenant: string, query: ListClientsQuery): Promise<{ items: ClientListItem[]; total: number }> {
    const filter = this.filterOf(tenant, query);
    const sort = CLIENT_SORTS[query.sort];
    const skip = (query.page - 1) * query.pageSize;
    const { docs, total } = query.search?.trim()
      ? await this.searchPage(filter, sort, skip, query.pageSize)
      : await this.plainPage(tenant, filter, sort, skip, query.pageSize, Boolean(query.groupId));
    const groupNames = await this.groupNames(
      tenant,
      docs.map((d) => d.groupId),
    );
    return { items: docs.map((doc) => toListItem(doc, groupNames)), total };
  }

  /** The firm's total comes from its counter; a group's, from counting its index entries. */
  private async plainPage(
    tenant: string,
    filter: Filter,
    sort: Sort,
    skip: number,
    limit: number,
    inGroup: boolean,
  ) {
    const [docs, total] = await Promise.all([
      this.clients.find(filter, { sort, skip, limit }),
      inGroup ? this.clients.count(filter) : this.clientCount(tenant),
    ]);
    return { docs, total };
  }

  /**
   * A search has to test every entry anyway: one pass over the index collects the ids of all the
   * matches in order (the total), then only the page's documents are read.
   */
  private async searchPage(filter: Filter, sort: Sort, skip: number, limit: number) {
    const matches = await this.clients.find(filter, { sort, fields: [] });
    const pageIds = matches.slice(skip, skip + limit).map((match) => match._id);
    const byId = new Map((await this.clients.findByIds(pageIds)).map((doc) => [doc._id, doc]));
    const docs = pageIds.map((id) => byId.get(id)).filter((doc): doc is ClientListDoc => doc !== undefined);
    return { docs, total: matches.length };
  }

  private async clientCount(tenant: string): Promise<number> {
    return (
      (await this.readStore.collection<ClientCountDoc>(CLIENT_COUNTS_COLLECTION).findById(tenant))?.clients ??
      0
    );
  }

  async get(tenant: string, clientId: string) {
    const doc = await this.clients.findById(clientId);
    if (!doc || doc.tenant !== tenant) throw new NotFoundError('client', clientId);
    const groupNames = await this.groupNames(tenant, [doc.groupId]);
    return { ...toListItem(doc, groupNames), attributes: doc.attributes, revision: doc.revision };
  }

  /** Group names for a page of clients: one lookup of the few groups it mentions. */
  async groupNames(tenant: string, groupIds: (string | null)[]): Promise<Map<string, string>> {
    const ids = [...new Set(groupIds.filter((id): id is string => id !== null))];
    if (ids.length === 0) return new Map();
    const groups = await this.readStore.collection<GroupDoc>(GROUPS_COLLECTION).findByIds(ids);
    return new Map(groups.filter((g) => g.tenant === tenant).map((g) => [g._id, g.name]));
  }
}

export function toListItem(doc: ClientListDoc, groupNames: Map<string, string>): ClientListItem {
  return {
    id: doc._id,
    name: doc.name,
    groupId: doc.groupId,
    groupName: doc.groupId ? (groupNames.get(doc.groupId) ?? null) : null,
    membersCount: doc.membersCount,
    directoriesCount: doc.directoriesCount,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}
