import type { ClientEvent } from '@dossiers/events';
import { defineProjection, idFrom, type Handled, type Recorded } from '../projection/projection';
import { CLIENT_SHEETS_COLLECTION, type ClientSheetDoc } from './client-sheet.document';

const SHEET_EVENTS = [
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
] as const satisfies readonly ClientEvent['type'][];
type SheetEvent = Handled<ClientEvent, typeof SHEET_EVENTS>;

function evolveSheet(
  doc: ClientSheetDoc,
  event: Recorded<Exclude<SheetEvent, { type: 'ClientCreated' | 'ClientDeleted' }>>,
): ClientSheetDoc {
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
  }
}

function evolveClientSheet(doc: ClientSheetDoc | null, event: Recorded<SheetEvent>): ClientSheetDoc | null {
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

export const clientSheetProjection = defineProjection<ClientSheetDoc, SheetEvent>({
  name: 'client-sheet',
  collection: CLIENT_SHEETS_COLLECTION,
  canHandle: SHEET_EVENTS,
  creates: ['ClientCreated'],
  documentId: idFrom('clientId'),
  evolve: evolveClientSheet,
  indexes: [],
});
