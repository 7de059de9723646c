import type { Filter, ReadCollection, Sort } from '@dossiers/read-store';
import { skipOf, type Paging } from '../paging/paging';

/** Which page of the directory: a search over names and email, and the page. */
export type DirectoryParams = Paging & { search?: string };

/** Last name, then first name (both in nameSort), then id: a stable order for paging. */
export const BY_NAME: Sort = [
  ['nameSort', 1],
  ['_id', 1],
];

/**
 * One page of a tenant's people, in name order, with the total. A partly filled page ends the
 * list, so its total needs no second scan of the index.
 */
export async function directoryPage<T extends { _id: string }>(
  collection: ReadCollection<T & { _id: string }>,
  tenant: string,
  params: DirectoryParams,
): Promise<{ docs: T[]; total: number }> {
  const filter: Filter = { tenant };
  if (params.search?.trim()) filter.searchText = { $contains: params.search };
  const skip = skipOf(params);
  const docs = await collection.find(filter, { sort: BY_NAME, skip, limit: params.pageSize });
  const endsHere = docs.length < params.pageSize && (docs.length > 0 || skip === 0);
  const total = endsHere ? skip + docs.length : await collection.count(filter);
  return { docs, total };
}
