import type {
  Access,
  Attributes,
  ClientEvent,
  ClientFolder,
  ConnectorSettings,
  EncryptedSecret,
  Language,
  SheetField,
} from '@dossiers/events';
import { assertNever } from '../shared/decider';

export const clientStreamId = (clientId: string) => `client-${clientId}`;

export interface ClientConnector {
  settings: ConnectorSettings;
  secrets: Record<string, EncryptedSecret>;
}

export interface ActiveClient {
  status: 'active';
  name: string;
  groupId: string | null;
  attributes: Attributes;
  /** the sheet's fields, from the templates loaded onto it */
  fields: SheetField[];
  /** contactId -> the language of this client's emails to them */
  contacts: Record<string, Language>;
  /** collaboratorId -> access; absent means never assigned (none) */
  collaborators: Record<string, Access>;
  /** parents before children */
  folders: ClientFolder[];
  connectors: Record<string, ClientConnector>;
}

export type ClientState = { status: 'absent' } | ActiveClient | { status: 'deleted'; name: string };

/** Records keyed by ids: copied, never mutated, so a state can be shared between folds. */
function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

function evolveActive(state: ActiveClient, event: ClientEvent): ClientState {
  switch (event.type) {
    case 'ClientCreated':
      return state;
    case 'ClientRenamed':
      return { ...state, name: event.data.name };
    case 'ClientGroupChanged':
      return { ...state, groupId: event.data.groupId };
    case 'ClientAttributesChanged': {
      const attributes = { ...state.attributes, ...event.data.set };
      for (const key of event.data.removed) delete attributes[key];
      return { ...state, attributes };
    }
    case 'ClientDeleted':
      return { status: 'deleted', name: state.name };
    case 'SheetTemplateLoaded':
      return { ...state, fields: [...state.fields, ...event.data.fields] };
    case 'ContactAttached':
      return { ...state, contacts: { ...state.contacts, [event.data.contactId]: event.data.language } };
    case 'ContactInvited':
      return state;
    case 'ContactDetached':
      return { ...state, contacts: without(state.contacts, event.data.contactId) };
    case 'CollaboratorAccessSet': {
      const { collaboratorId, access } = event.data;
      return { ...state, collaborators: { ...state.collaborators, [collaboratorId]: access } };
    }
    case 'TreeTemplateApplied':
      return { ...state, folders: [...state.folders, ...event.data.folders] };
    case 'ConnectorConfigured': {
      const { connectorId, settings, secrets } = event.data;
      return { ...state, connectors: { ...state.connectors, [connectorId]: { settings, secrets } } };
    }
    case 'ConnectorRemoved':
      return { ...state, connectors: without(state.connectors, event.data.connectorId) };
    case 'FormSent':
      return state;
    default:
      return assertNever(event);
  }
}

export function evolveClient(state: ClientState, event: ClientEvent): ClientState {
  if (event.type === 'ClientCreated') {
    const { name, groupId, attributes } = event.data;
    return {
      status: 'active',
      name,
      groupId,
      attributes,
      fields: [],
      contacts: {},
      collaborators: {},
      folders: [],
      connectors: {},
    };
  }
  return state.status === 'active' ? evolveActive(state, event) : state;
}
