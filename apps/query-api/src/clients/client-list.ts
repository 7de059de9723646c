import type { Filter, ReadStore, Sort } from '@dossiers/read-store';
import { GROUPS_COLLECTION, type ClientListDoc, type GroupDoc } from '@dossiers/read-models';

/** The reads the client list, the sheet and the export share: filters, order, group names, the row. */

export const CLIENT_SORTS = ['name', '-name', 'createdAt', '-createdAt'] as const;
export type ClientSort = (typeof CLIENT_SORTS)[number];

/** Each sort, then the id: a stable order for paging. */
export const CLIENT_SORT_ORDERS: Record<ClientSort, Sort> = {
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

/** `?search=&groupId=` of the list and the export. */
export interface ClientFilters {
  search?: string;
  groupId?: string;
}

/** `visibleIds`: the clients a collaborator or contact may see (null: the whole firm, for staff). */
export function clientFilter(tenant: string, filters: ClientFilters, visibleIds: string[] | null): Filter {
  const filter: Filter = { tenant };
  if (visibleIds) filter._id = { $in: visibleIds };
  if (filters.groupId) filter.groupId = filters.groupId;
  if (filters.search?.trim()) filter.searchText = { $contains: filters.search };
  return filter;
}

/** Group names for a page of clients: one lookup of the few groups it mentions. */
export async function groupNames(
  readStore: ReadStore,
  tenant: string,
  groupIds: (string | null)[],
): Promise<Map<string, string>> {
  const ids = [...new Set(groupIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const groups = await readStore.collection<GroupDoc>(GROUPS_COLLECTION).findByIds(ids);
  return new Map(groups.filter((g) => g.tenant === tenant).map((g) => [g._id, g.name]));
}

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
