import type { Access, ConnectorSettings, Language, SheetField } from '@dossiers/events';
import type { Document } from '@dossiers/read-store';

export interface ClientSheetFolder {
  id: string;
  parentId: string | null;
  name: string;
  /** names from the root, joined by '/' */
  path: string;
  /** 0 for a root folder */
  depth: number;
  contactDefault: Access;
  /** the tree template that created it */
  templateId: string;
}

/**
 * The client sheet's tabs beside the list row: sheet fields, contacts, collaborators, folders,
 * connectors and forms. Directory details (names, emails) are joined at query time, so that
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
  /** parents before children */
  folders: ClientSheetFolder[];
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
