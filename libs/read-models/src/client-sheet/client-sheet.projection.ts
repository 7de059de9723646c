import type { ClientEvent, RecordedEvent } from '@dossiers/events';
import { defineProjection } from '../projection/projection';
import { CLIENT_SHEETS_COLLECTION, type ClientSheetDoc } from './client-sheet.document';

type ClientRecorded = RecordedEvent<ClientEvent['type']> & ClientEvent;

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
    case 'ContactLanguageChanged':
      return {
        ...doc,
        contacts: doc.contacts.map((c) =>
          c.contactId === event.data.contactId ? { ...c, language: event.data.language } : c,
        ),
      };
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
    'ContactLanguageChanged',
    'ContactInvited',
    'ContactDetached',
    'CollaboratorAccessSet',
    'ConnectorConfigured',
    'ConnectorRemoved',
    'FormSent',
  ]),
  creates: new Set<ClientEvent['type']>(['ClientCreated']),
  documentId: (event) => (event.data as { clientId: string }).clientId,
  evolve: evolveClientSheet,
  indexes: [],
});
