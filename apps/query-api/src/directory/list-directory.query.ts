import { ApiPropertyOptional } from '@nestjs/swagger';
import { Optional } from '@dossiers/platform';
import { IsString, MaxLength } from 'class-validator';
import type { Filter, ReadCollection, Sort } from '@dossiers/read-store';
import { PageQuery, skipOf } from '../paging/page.query';

/** `?search=&page=&pageSize=`, paged like GET /clients. */
export class ListDirectoryQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'names or email, case- and accent-insensitive: "eloise" finds "Éloïse Martin"',
  })
  @Optional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

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
  query: ListDirectoryQuery,
): Promise<{ docs: T[]; total: number }> {
  const filter: Filter = { tenant };
  if (query.search?.trim()) filter.searchText = { $contains: query.search };
  const skip = skipOf(query);
  const docs = await collection.find(filter, { sort: BY_NAME, skip, limit: query.pageSize });
  const endsHere = docs.length < query.pageSize && (docs.length > 0 || skip === 0);
  const total = endsHere ? skip + docs.length : await collection.count(filter);
  return { docs, total };
}
