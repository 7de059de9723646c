import type { Filter } from '@dossiers/read-store';
import type { RecordedActivityEvent } from './activity-events';
import {
  activityLogId,
  LOG_ID_POSITION_DIGITS,
  type ActivityDoc,
  type ActivityEntry,
  type ClientActivityDoc,
} from './activity.document';
import { lastOf } from './chunked';
import type { Description } from './describe-activity';

/** An entry of the firm-wide log as readers get it: every field there, with its client. */
export type LoggedActivity = ActivityEntry & { clientId: string };

/**
 * The log's document of an event's entry, as describeActivity describes it with the client's
 * context then: `id` only in `_id`, and no null, [] or {} field (see ActivityDoc). Built field by
 * field, not from a whole entry: this runs for every event of a rebuild.
 */
export function activityLogDoc(
  client: Pick<ClientActivityDoc, '_id' | 'tenant'>,
  event: RecordedActivityEvent,
  { type, place, otherFolderIds, subjectId, details }: Description,
): ActivityDoc {
  const { metadata } = event;
  const doc: ActivityDoc = {
    _id: activityLogId(event),
    tenant: client.tenant,
    clientId: client._id,
    position: event.position,
    occurredAt: metadata.occurredAt,
    type,
    actorId: metadata.actor,
  };
  if (metadata.actorRole != null) doc.actorRole = metadata.actorRole;
  if (place) {
    if (place.fileId !== null) doc.fileId = place.fileId;
    if (place.fileName !== null) doc.fileName = place.fileName;
    if (place.fileNameKey !== null) doc.fileNameKey = place.fileNameKey;
    if (place.format !== null) doc.format = place.format;
    if (place.folderId !== null) doc.folderId = place.folderId;
    if (place.folderPath !== null) doc.folderPath = place.folderPath;
    if (place.folderTrail !== null) doc.folderTrail = place.folderTrail;
  }
  if (otherFolderIds && otherFolderIds.length > 0) doc.otherFolderIds = otherFolderIds;
  if (subjectId != null) doc.subjectId = subjectId;
  if (details && hasFields(details)) doc.details = details;
  return doc;
}

function hasFields(object: object): boolean {
  for (const key in object) if (Object.hasOwn(object, key)) return true;
  return false;
}

/** An entry as the log stores it, every field given back (null, [] or {} where left out). */
export function loggedActivity(doc: ActivityDoc): LoggedActivity {
  return {
    id: doc._id.slice(LOG_ID_POSITION_DIGITS + 1),
    position: doc.position,
    occurredAt: doc.occurredAt,
    type: doc.type,
    actorId: doc.actorId,
    actorRole: doc.actorRole ?? null,
    fileId: doc.fileId ?? null,
    fileName: doc.fileName ?? null,
    fileNameKey: doc.fileNameKey ?? null,
    format: doc.format ?? null,
    folderId: doc.folderId ?? null,
    folderPath: doc.folderPath ?? null,
    folderTrail: doc.folderTrail ?? null,
    otherFolderIds: doc.otherFolderIds ?? [],
    subjectId: doc.subjectId ?? null,
    details: doc.details ?? {},
    clientId: doc.clientId,
  };
}

/** How many entries a client keeps (at most ACTIVITY_CAP). */
const keptCount = (doc: ClientActivityDoc): number =>
  doc.positions.reduce((count, chunk) => count + chunk.length, 0);

/**
 * The log's documents that may be the client's kept entries: its entries from the oldest position
 * it keeps to the newest (the log's client index, `client_position`). Null when it keeps none.
 */
export function clientEntriesFilter(doc: ClientActivityDoc): Filter | null {
  const oldest = doc.positions[0]?.[0];
  if (oldest === undefined) return null;
  return {
    tenant: doc.tenant,
    clientId: doc._id,
    position: { $gte: oldest, $lte: lastOf(doc.positions)! },
  };
}

/**
 * The client's kept entries among what clientEntriesFilter found, newest first: the last
 * keptCount(doc) by `_id`, which is (position, event id). It finds more only where the oldest kept
 * position is shared with evicted entries (one EventStoreDB append across the cap): of those, the
 * first by `_id` are the evicted ones.
 */
export function keptEntries(doc: ClientActivityDoc, found: ActivityDoc[]): LoggedActivity[] {
  const newestFirst = found.slice().sort((a, b) => (a._id < b._id ? 1 : a._id > b._id ? -1 : 0));
  return newestFirst.slice(0, keptCount(doc)).map(loggedActivity);
}
