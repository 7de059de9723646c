import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Filter, ReadCollection, Sort } from '@dossiers/read-store';

/** `?search=&page=&pageSize=`, paged like GET /clients. */
export class ListDirectoryQuery {
  @ApiPropertyOptional({
    description: 'names or email, case- and accent-insensitive: "eloise" finds "Éloïse Martin"',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 50;
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
  const skip = (query.page - 1) * query.pageSize;
  const docs = await collection.find(filter, { sort: BY_NAME, skip, limit: query.pageSize });
  const endsHere = docs.length < query.pageSize && (docs.length > 0 || skip === 0);
  const total = endsHere ? skip + docs.length : await collection.count(filter);
  return { docs, total };
}
