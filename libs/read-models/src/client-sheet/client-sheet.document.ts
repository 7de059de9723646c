import type { Access, ConnectorSettings, Language, SheetField } from '@dossiers/events';
import type { Document } from '@dossiers/read-store';

/**
 * The client sheet's tabs beside the list row: sheet fields, contacts, collaborators, connectors
 * and forms (the folders have their own read model, with their rights). Directory details (names, emails) are joined at query time, so that
 * renaming a contact rewrites one document, not one per client.
 */
export interface ClientSheetDoc extends Document {
  /** the client id */
  _id: string;
  tenant: string;
  fields: SheetField[];
  sheetTemplates: { templateId: string; name: string; loadedAt: string }[];
  contacts: { contactId: string; language: Language; attachedAt: string; lastInvitedAt: string | null }[];
  collaborators: { collaboratorId: string; access: Access; assignedAt: string }[];
  /** secret settings are listed by name only: their values never leave the command side */
  connectors: {
    connectorId: string;
    settings: ConnectorSettings;
    secretsSet: string[];
    configuredAt: string;
  }[];
  forms: { formId: string; formTemplateId: string; name: string; contactIds: string[]; sentAt: string }[];
  revision: number;
}

export const CLIENT_SHEETS_COLLECTION = 'client_sheets';
