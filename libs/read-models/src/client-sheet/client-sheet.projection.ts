import type { ClientEvent, RecordedEvent } from '@dossiers/events';
import { defineProjection } from '../projection/projection';
import {
  CLIENT_SHEETS_COLLECTION,
  type ClientSheetDoc,
  type ClientSheetFolder,
} from './client-sheet.document';

type ClientRecorded = RecordedEvent<ClientEvent['type']> & ClientEvent;

function added(folders: ClientSheetFolder[], event: ClientRecorded & { type: 'TreeTemplateApplied' }) {
  const byId = new Map(folders.map((f) => [f.id, f]));
  const result = [...folders];
  for (const folder of event.data.folders) {
    const parent = folder.parentId === null ? undefined : byId.get(folder.parentId);
    const entry: ClientSheetFolder = {
      id: folder.folderId,
      parentId: folder.parentId,
      name: folder.name,
      path: parent ? `${parent.path}/${folder.name}` : folder.name,
      depth: parent ? parent.depth + 1 : 0,
      contactDefault: folder.contactDefault,
      templateId: event.data.templateId,
    };
    byId.set(entry.id, entry);
    result.push(entry);
  }
  return result;
}

function evolveSheet(doc: ClientSheetDoc, event: ClientRecorded): ClientSheetDoc {
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case 'SheetTemplateLoaded': {
      const { templateId, templateName: name, fields } = event.data;
      return {
        ...doc,
        fields: [...doc.fields, ...fields],
        sheetTemplates: [...doc.sheetTemplates, { templateId, name, loadedAt: at }],
      };
    }
    case 'ContactAttached': {
      const { contactId, language } = event.data;
      const others = doc.contacts.filter((c) => c.contactId !== contactId);
      return { ...doc, contacts: [...others, { contactId, language, attachedAt: at, lastInvitedAt: null }] };
    }
    case 'ContactInvited':
      return {
        ...doc,
        contacts: doc.contacts.map((c) =>
          c.contactId === event.data.contactId ? { ...c, lastInvitedAt: at } : c,
        ),
      };
    case 'ContactDetached':
      return { ...doc, contacts: doc.contacts.filter((c) => c.contactId !== event.data.contactId) };
    case 'CollaboratorAccessSet': {
      const { collaboratorId, access } = event.data;
      const others = doc.collaborators.filter((c) => c.collaboratorId !== collaboratorId);
      return { ...doc, collaborators: [...others, { collaboratorId, access, assignedAt: at }] };
    }
    case 'TreeTemplateApplied':
      return { ...doc, folders: added(doc.folders, event) };
    case 'ConnectorConfigured': {
      const { connectorId, settings, secrets } = event.data;
      const others = doc.connectors.filter((c) => c.connectorId !== connectorId);
      const entry = { connectorId, settings, secretsSet: Object.keys(secrets).sort(), configuredAt: at };
      return { ...doc, connectors: [...others, entry] };
    }
    case 'ConnectorRemoved':
      return { ...doc, connectors: doc.connectors.filter((c) => c.connectorId !== event.data.connectorId) };
    case 'FormSent': {
      const { formId, formTemplateId, formName: name, contactIds } = event.data;
      return { ...doc, forms: [...doc.forms, { formId, formTemplateId, name, contactIds, sentAt: at }] };
    }
    default:
      return doc;
  }
}

export function evolveClientSheet(
  doc: ClientSheetDoc | null,
  recorded: RecordedEvent,
): ClientSheetDoc | null {
  const event = recorded as ClientRecorded;
  if (event.type === 'ClientCreated') {
    return {
      _id: event.data.clientId,
      tenant: event.metadata.tenant,
      fields: [],
      sheetTemplates: [],
      contacts: [],
      collaborators: [],
      folders: [],
      connectors: [],
      forms: [],
      revision: event.revision,
    };
  }
  if (!doc || event.type === 'ClientDeleted') return null;
  return { ...evolveSheet(doc, event), revision: event.revision };
}

export const clientSheetProjection = defineProjection<ClientSheetDoc>({
  name: 'client-sheet',
  collection: CLIENT_SHEETS_COLLECTION,
  handles: new Set<ClientEvent['type']>([
    'ClientCreated',
    'ClientDeleted',
    'SheetTemplateLoaded',
    'ContactAttached',
    'ContactInvited',
    'ContactDetached',
    'CollaboratorAccessSet',
    'TreeTemplateApplied',
    'ConnectorConfigured',
    'ConnectorRemoved',
    'FormSent',
  ]),
  documentId: (event) => (event.data as { clientId: string }).clientId,
  evolve: evolveClientSheet,
  indexes: [],
});
