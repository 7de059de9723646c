import type { ActivityEntry } from '@dossiers/read-models';
import type { FieldCondition, Filter, Scalar } from '@dossiers/read-store';
import type { ActivityFilters, ActivityPageRequest } from './activity-filters';

/** Whether an entry passes the filters (a client's log, read whole and filtered in memory). */
export function matchesFilters(filters: ActivityFilters): (entry: ActivityEntry) => boolean {
  const { search, formats, folderId, includeSubfolders, from, to, types, actorId } = filters;
  return (entry) =>
    (search === undefined || (entry.fileNameKey?.includes(search) ?? false)) &&
    (formats === undefined || (entry.format !== null && formats.includes(entry.format))) &&
    (folderId === undefined ||
      (includeSubfolders
        ? (entry.folderTrail?.includes(`/${folderId}/`) ?? false)
        : entry.folderId === folderId)) &&
    (from === undefined || entry.occurredAt >= from) &&
    (to === undefined || entry.occurredAt <= to) &&
    (types === undefined || types.includes(entry.type)) &&
    (actorId === undefined || entry.actorId === actorId);
}

/**
 * The same filters over the firm-wide collection, newest first from `before`. Each of clientId,
 * actorId and type leads an index ending with the position, so that a first page reads only what
 * it returns, however many activities the firm has. Only the most selective one given is written
 * as an equality: SQLite has no statistics to choose between two equality indexes and may take the
 * weaker (a type's index to find one client's uploads), while a `$in` is never taken for one.
 */
export function activityStoreFilter(tenant: string, { filters, before }: ActivityPageRequest): Filter {
  const filter: Filter = { tenant };
  let leading = true;
  const equal = (values: string[]): Scalar | FieldCondition => {
    const lead = leading && values.length === 1;
    if (lead) leading = false;
    return lead ? values[0] : { $in: values };
  };
  if (filters.clientId) filter.clientId = equal([filters.clientId]);
  if (filters.actorId) filter.actorId = equal([filters.actorId]);
  if (filters.types) filter.type = equal(filters.types);
  if (filters.formats) filter.format = { $in: filters.formats };
  if (filters.folderId && filters.includeSubfolders)
    filter.folderTrail = { $contains: `/${filters.folderId}/` };
  else if (filters.folderId) filter.folderId = filters.folderId;
  if (filters.search) filter.fileNameKey = { $contains: filters.search };
  if (filters.from || filters.to)
    filter.occurredAt = {
      ...(filters.from && { $gte: filters.from }),
      ...(filters.to && { $lte: filters.to }),
    };
  if (before !== null) filter.position = { $lt: before };
  return filter;
}
