import {
  CURRENT_SCHEMA_VERSION,
  type AnyDomainEvent,
  type ClientFolder,
  type EventMetadata,
  type JsonObject,
  type RecordedEvent,
} from '@dossiers/events';
import { foldProjections } from '../../projection/fold';
import type { SpecEvent } from '../../testing/projection-specification';
import { ACTIVITIES_COLLECTION, type ActivityDoc } from '../activity.document';
import { loggedActivity, type LoggedActivity } from '../activity-log';
import { clientActivityProjection } from '../client-activity.projection';

/**
 * Events of client `c1` for the activity specs (test helpers, not production code): each on the
 * stream it is recorded on, by `user-1` unless told otherwise.
 */
export const CLIENT = 'c1';

const streamOf = (type: AnyDomainEvent['type'], data: object): string => {
  if (type === 'FileDownloaded') return `client-downloads-${CLIENT}`;
  if (type === 'ContactActivated') return `contact-${(data as { contactId: string }).contactId}`;
  return `client-${CLIENT}`;
};

/** An event of the story, with `metadata` merged into the default envelope. */
export function on<E extends AnyDomainEvent>(event: E, metadata: Partial<EventMetadata> = {}): SpecEvent {
  return { ...event, streamId: streamOf(event.type, event.data), metadata } as SpecEvent;
}

const clientId = CLIENT;

export const clientCreated = (name = 'Acme') =>
  on({ type: 'ClientCreated', data: { clientId, name, groupId: null, attributes: {} } });

export const folderCreated = (folderId: string, parentId: string | null, name: string) =>
  on({ type: 'FolderCreated', data: { clientId, folderId, parentId, name, contactDefault: null } });

export const folderMoved = (folderId: string, parentId: string | null) =>
  on({ type: 'FolderMoved', data: { clientId, folderId, parentId } });

export const folderRenamed = (folderId: string, name: string) =>
  on({ type: 'FolderRenamed', data: { clientId, folderId, name } });

export const treeApplied = (folders: ClientFolder[], templateName = 'Standard') =>
  on({ type: 'TreeTemplateApplied', data: { clientId, templateId: 't1', templateName, folders } });

export const fileUploaded = (fileId: string, folderId: string, name: string, format: string) =>
  on({
    type: 'FileUploaded',
    data: {
      clientId,
      fileId,
      folderId,
      name,
      format,
      version: 1,
      blobId: `blob-${fileId}`,
      size: 1234,
      sha256: 'a'.repeat(64),
      contentType: 'application/pdf',
    },
  });

export const fileRenamed = (fileId: string, name: string, format: string) =>
  on({ type: 'FileRenamed', data: { clientId, fileId, name, format } });

export const fileMoved = (fileId: string, folderId: string) =>
  on({ type: 'FileMoved', data: { clientId, fileId, folderId } });

export const fileDownloaded = (fileId: string, range: { start: number; end: number } | null = null) =>
  on({ type: 'FileDownloaded', data: { clientId, fileId, version: 1, range } }, { actor: 'contact:p1' });

/** A client with the tree Compta (d1) > Factures (d2), and Archives (d3) at the root. */
export const aTree = (): SpecEvent[] => [
  clientCreated(),
  folderCreated('d1', null, 'Compta'),
  folderCreated('d2', 'd1', 'Factures'),
  folderCreated('d3', null, 'Archives'),
];

/**
 * The events as a store records them: ids e00001, e00002... (unless an event has its own),
 * positions from 1, revisions per stream, one second apart from 2026-01-01.
 */
export function recorded(events: SpecEvent[]): RecordedEvent[] {
  const revisions = new Map<string, number>();
  return events.map(({ id, streamId = 'stream', revision, schemaVersion, metadata, ...event }, i) => {
    const next = revision ?? revisions.get(streamId) ?? 0;
    revisions.set(streamId, next + 1);
    const occurredAt = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
    return {
      id: id ?? `e${String(i + 1).padStart(5, '0')}`,
      type: event.type,
      schemaVersion: schemaVersion ?? CURRENT_SCHEMA_VERSION[event.type],
      data: event.data as JsonObject,
      metadata: {
        tenant: 'firm-a',
        actor: 'user-1',
        correlationId: 'c',
        causationId: null,
        occurredAt,
        ...metadata,
      },
      streamId,
      revision: next,
      position: i + 1,
      recordedAt: metadata?.occurredAt ?? occurredAt,
    };
  });
}

/** Every entry of the firm-wide log after these events, oldest first, as its readers get them. */
export function loggedEntries(events: SpecEvent[]): LoggedActivity[] {
  const { retained } = foldProjections([clientActivityProjection], recorded(events));
  const docs = [...(retained.get(ACTIVITIES_COLLECTION)?.values() ?? [])] as ActivityDoc[];
  return docs.sort((a, b) => (a._id < b._id ? -1 : 1)).map(loggedActivity);
}

const texts = { fr: { subject: 'Relance', body: 'Bonjour' } };
const schedule = { kind: 'at', at: '2026-03-01T08:00:00.000Z' } as const;

/** Reminder r1 of template Relance TVA, to `recipients`. */
export const reminderScheduled = (recipients: 'all' | string[], templateName = 'Relance TVA') =>
  on({
    type: 'ReminderScheduled',
    data: {
      ...{ clientId, reminderId: 'r1', templateId: 'rt1', templateName, texts, recipients, schedule },
      ...{ calendar: { timeZone: 'Europe/Paris', sendHour: '09:00' }, formId: null, firstOfSchedule: 0 },
    },
  });

/** Occurrence `occurrence` of reminder r1, sent to these contacts. */
export const reminderSent = (contactIds: string[], late = false, kind: 'scheduled' | 'now' = 'scheduled') =>
  on({
    type: 'ReminderOccurrenceSent',
    data: {
      ...{ clientId, reminderId: 'r1', kind, occurrence: 0, late },
      ...{ dueAt: '2026-03-01T08:00:00.000Z', sentAt: '2026-03-01T08:00:01.000Z' },
      recipients: contactIds.map((contactId) => ({
        ...{ contactId, language: 'fr' as const, subject: 'Relance' },
        ...{ text: 'Bonjour', html: '<p>Bonjour</p>' },
      })),
    },
  });

/** Form fo1 (Bilan 2025) sent to these contacts. */
export const formSent = (contactIds: string[], formName = 'Bilan 2025') =>
  on({
    type: 'FormSent',
    data: {
      ...{ clientId, formId: 'fo1', formTemplateId: 'ft1', formName, contactIds },
      ...{ title: formName, message: null, recipients: [] },
    },
  });
