import type { Language } from '@dossiers/events';
import type { Document } from '@dossiers/read-store';
import type { BucketMap, ChunkedList } from './chunked';

/**
 * The activity log: one entry per activity, made by a projection from the events (never written by
 * the commands). Every entry ever recorded is stored once, in the firm-wide collection
 * ACTIVITIES_COLLECTION, which nothing trims (the auditors' log). Each client's ClientActivityDoc
 * keeps, as its cap, the positions of exactly its last ACTIVITY_CAP entries there (see
 * activity-log.ts for reading them back).
 */
export const ACTIVITY_CAP = 1000;
export const CLIENT_ACTIVITY_COLLECTION = 'client_activity';
export const ACTIVITIES_COLLECTION = 'activities';

/** The stable activity-type codes (documented in docs/activity.md): never renamed, only added. */
export const ACTIVITY_TYPES = [
  'client.created',
  'client.renamed',
  'client.info_changed',
  'client.deleted',
  'contact.attached',
  'contact.detached',
  'contact.invited',
  'contact.activated',
  'contact.language_changed',
  'collaborator.access_set',
  'tree_template.applied',
  'folder.created',
  'folder.renamed',
  'folder.moved',
  'folder.deleted',
  'folder.right_set',
  'folder.rights_cascaded',
  'file.uploaded',
  'file.version_uploaded',
  'file.renamed',
  'file.moved',
  'file.deleted',
  'file.downloaded',
  'connector.enabled',
  'connector.changed',
  'connector.removed',
  'form.sent',
  'reminder.scheduled',
  'reminder.changed',
  'reminder.cancelled',
  'reminder.sent',
  'reminder.skipped',
  'form.scheduled',
  'form.opened',
  'form.answered',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/**
 * One activity, as it was at that moment: names and paths are those of the time, never updated.
 * Fields that do not apply are null.
 */
export interface ActivityEntry {
  /** the event's id */
  id: string;
  /** the event's global position: entries are ordered by it, newest first */
  position: number;
  occurredAt: string;
  type: ActivityType;
  /** the event's actor as recorded (metadata.actor), and its role when the event kept it */
  actorId: string;
  actorRole: string | null;
  fileId: string | null;
  /** the file's name at that moment */
  fileName: string | null;
  /** fileName under the text policy's key (case, accents folded away): what `search` matches */
  fileNameKey: string | null;
  /** the extension, lower case, without the dot; null when no file is concerned, '' for none */
  format: string | null;
  /** the folder concerned (a file's folder at that moment) */
  folderId: string | null;
  /** 'A/B/C': the folder's path at that moment */
  folderPath: string | null;
  /**
   * The ids of the folder and its ancestors at that moment, root first, as '/id1/id2/id3/': a
   * subfolder filter matches an entry when the trail holds '/<folderId>/'.
   */
  folderTrail: string | null;
  /**
   * Every folder the entry names besides `folderId` (a move's former parent trail, a tree template's
   * folders): a member sees the entry only if they know all of them, and `folderId`.
   */
  otherFolderIds: string[];
  /** the contact or collaborator the activity is about (attached, invited, given access), if any */
  subjectId: string | null;
  /** what the summary needs beyond the fields above (a former name, an access level, a template name) */
  details: Record<string, string | number | boolean | null>;
}

/**
 * The firm-wide log's document: an entry with its client and tenant, stored lean (activity-log.ts
 * writes and reads it): the event id is the end of `_id`, and a field that is null, an empty list
 * or an empty object is left out (the reader gives it back): 310 bytes on the bench's log instead
 * of 525 spelled out, which its writes and its index builds pay for on every entry.
 */
export type ActivityDoc = Document &
  Pick<ActivityEntry, 'position' | 'occurredAt' | 'type' | 'actorId'> &
  Partial<Omit<ActivityEntry, 'id' | 'position' | 'occurredAt' | 'type' | 'actorId'>> & {
    /**
     * activityLogId(entry): the position, zero-padded, then the event id. In log order, so a
     * rebuild's writes append to the collection's primary index instead of scattering over it (half
     * the log's write time with random event ids); the event id keeps it unique where events share
     * a position (EventStoreDB's commit position, for one append).
     */
    _id: string;
    tenant: string;
    clientId: string;
  };

/** The position's width in activityLogId, before the ':'. */
export const LOG_ID_POSITION_DIGITS = 16;

/** The `_id` of an entry's document in the firm-wide log. */
export const activityLogId = (entry: Pick<ActivityEntry, 'id' | 'position'>): string =>
  `${String(entry.position).padStart(LOG_ID_POSITION_DIGITS, '0')}:${entry.id}`;

/** A folder of the client as the activity projection knows it now. */
export interface ActivityFolder {
  id: string;
  name: string;
  parentId: string | null;
}

/** A file of the client as the activity projection knows it now. */
export interface ActivityFile {
  id: string;
  name: string;
  /** `name` under the text policy's key: the entries' fileNameKey */
  nameKey: string;
  /** the extension, lower case, without the dot ('' when none) */
  format: string;
  folderId: string;
}

/**
 * A client's activity read model: what the projection needs to describe the next event as it is at
 * that moment (the client's name and group, folder names and parents, file names and folders,
 * connectors configured, contacts attached, the names of its forms and reminders), and, as the cap, the positions of its last
 * ACTIVITY_CAP entries in the firm-wide log, oldest first: its entries are read from there
 * (clientEntriesFilter and keptEntries, activity-log.ts), not stored a second time here.
 *
 * `folders`, `files` and `positions` are chunked (see chunked.ts), so that one event does not copy
 * a 5,000-file map or the 1000 positions.
 */
export interface ClientActivityDoc extends Document {
  /** the client id */
  _id: string;
  tenant: string;
  /** the client's name now (a rename names the one before) */
  name: string;
  groupId: string | null;
  folders: BucketMap<ActivityFolder>;
  files: BucketMap<ActivityFile>;
  connectors: Record<string, true>;
  /** the contacts attached now, with the language of this client's emails to them */
  contacts: Record<string, Language>;
  /** formId -> the form's name, for the events that name the form by id alone (opened, answered) */
  forms: Record<string, string>;
  /** reminderId -> its template's name, for the events that name the reminder by id alone */
  reminders: Record<string, string>;
  /** the client was deleted: the document stays, so its history does */
  deleted: boolean;
  /**
   * The positions of the client's last ACTIVITY_CAP entries, oldest first, in chunks of at most
   * LIST_CHUNK (50). Where entries share a position (one EventStoreDB append), the position is
   * there once for each, and the cap counts them in `_id` order: the entries kept are the last
   * ACTIVITY_CAP by (position, event id).
   */
  positions: ChunkedList<number>;
}

/**
 * The names a person (collaborator or contact) has had, for the activity log to show each actor and
 * subject by the name they had at that moment: the last entry whose `from` is at or before the
 * activity's position.
 */
export const ACTOR_NAMES_COLLECTION = 'actor_names';
export interface ActorNamesDoc extends Document {
  /** the collaborator or contact id */
  _id: string;
  tenant: string;
  kind: 'collaborator' | 'contact';
  /** oldest first: `name` ('First Last') from the event at `from` on */
  names: { from: number; name: string }[];
}

/** A short human summary of an entry, in French and English (rendered when read, by activitySummary). */
export interface ActivitySummary {
  fr: string;
  en: string;
}
