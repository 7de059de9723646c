import { normalizeText } from '@dossiers/domain';
import type { ClientEvent } from '@dossiers/events';
import { defineProjection, idFrom, type Recorded } from '../projection/projection';
import { CLIENTS_COLLECTION, type ClientListDoc } from './client-list.document';

function touched(
  doc: ClientListDoc,
  event: Recorded<ClientEvent>,
  changes: Partial<ClientListDoc>,
): ClientListDoc {
  const at = event.metadata.occurredAt;
  const sheetUpdatedAt = CHANGES_THE_SHEET[event.type] ? at : doc.sheetUpdatedAt;
  return { ...doc, ...changes, updatedAt: at, sheetUpdatedAt, revision: event.revision };
}

function evolveClientList(doc: ClientListDoc | null, event: Recorded<ClientEvent>): ClientListDoc | null {
  if (event.type === 'ClientCreated') {
    const { clientId, name, groupId, attributes } = event.data;
    const at = event.metadata.occurredAt;
    const normalized = normalizeText(name);
    return {
      _id: clientId,
      tenant: event.metadata.tenant,
      name,
      nameSort: normalized,
      searchText: normalized,
      groupId,
      attributes,
      membersCount: 0,
      directoriesCount: 0,
      createdAt: at,
      updatedAt: at,
      sheetUpdatedAt: at,
      revision: event.revision,
    };
  }
  if (!doc) return null;
  switch (event.type) {
    case 'ClientRenamed': {
      const normalized = normalizeText(event.data.name);
      return touched(doc, event, { name: event.data.name, nameSort: normalized, searchText: normalized });
    }
    case 'ClientGroupChanged':
      return touched(doc, event, { groupId: event.data.groupId });
    case 'ClientAttributesChanged': {
      const attributes = { ...doc.attributes, ...event.data.set };
      for (const key of event.data.removed) delete attributes[key];
      return touched(doc, event, { attributes });
    }
    case 'ClientDeleted':
      return null;
    case 'ContactAttached':
      return touched(doc, event, { membersCount: doc.membersCount + 1 });
    case 'ContactDetached':
      return touched(doc, event, { membersCount: doc.membersCount - 1 });
    case 'CollaboratorAccessSet': {
      // A collaborator counts as a member while their access is not none.
      const counts = (access: string | null) => (access !== null && access !== 'none' ? 1 : 0);
      const delta = counts(event.data.access) - counts(event.data.previousAccess);
      return touched(doc, event, { membersCount: doc.membersCount + delta });
    }
    case 'TreeTemplateApplied':
      return touched(doc, event, { directoriesCount: doc.directoriesCount + event.data.folders.length });
    case 'FolderCreated':
      return touched(doc, event, { directoriesCount: doc.directoriesCount + 1 });
    case 'FolderDeleted':
      return touched(doc, event, { directoriesCount: doc.directoriesCount - event.data.folderIds.length });
    default:
      // Every other event of the client's stream still moves its revision: the ETag stays exact.
      return touched(doc, event, {});
  }
}

/**
 * Every event of the client's stream moves its revision and `updatedAt` (what staff see); those
 * marked true also move `sheetUpdatedAt` (what members see: the sheet's info, never the folders,
 * files, rights or people behind it). The Record type makes the list complete.
 */
const CHANGES_THE_SHEET: Record<ClientEvent['type'], boolean> = {
  ClientCreated: true,
  ClientRenamed: true,
  ClientGroupChanged: true,
  ClientAttributesChanged: true,
  ClientDeleted: true,
  SheetTemplateLoaded: true,
  ContactAttached: false,
  ContactLanguageChanged: false,
  ContactInvited: false,
  ContactDetached: false,
  CollaboratorAccessSet: false,
  TreeTemplateApplied: false,
  ConnectorConfigured: false,
  ConnectorRemoved: false,
  FormSent: false,
  FormScheduled: false,
  FormOpened: false,
  FormDraftSaved: false,
  FormAnswered: false,
  FolderCreated: false,
  FolderRenamed: false,
  FolderMoved: false,
  FolderDeleted: false,
  FolderPermissionSet: false,
  FolderPermissionsCascaded: false,
  FileUploaded: false,
  FileVersionUploaded: false,
  FileRenamed: false,
  FileMoved: false,
  FileDeleted: false,
  ReminderScheduled: false,
  ReminderRescheduled: false,
  ReminderCancelled: false,
  ReminderOccurrenceSent: false,
  ReminderOccurrenceSkipped: false,
};

export const clientListProjection = defineProjection<ClientListDoc, ClientEvent>({
  name: 'client-list',
  collection: CLIENTS_COLLECTION,
  // Every event of the client's stream: the Record above lists each type once.
  canHandle: Object.keys(CHANGES_THE_SHEET) as ClientEvent['type'][],
  creates: ['ClientCreated'],
  documentId: idFrom('clientId'),
  evolve: evolveClientList,
  // Each index ends with _id (the tie-breaker) and searchText, so that a search, its sort and its
  // total are answered from index entries alone, without reading a document.
  indexes: [
    {
      name: 'tenant_name',
      fields: [
        ['tenant', 1],
        ['nameSort', 1],
        ['_id', 1],
        ['searchText', 1],
      ],
    },
    {
      name: 'tenant_created',
      fields: [
        ['tenant', 1],
        ['createdAt', 1],
        ['_id', 1],
        ['searchText', 1],
      ],
    },
    {
      name: 'tenant_group_name',
      fields: [
        ['tenant', 1],
        ['groupId', 1],
        ['nameSort', 1],
        ['_id', 1],
        ['searchText', 1],
      ],
    },
  ],
});
