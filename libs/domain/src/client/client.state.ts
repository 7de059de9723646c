import type {
  Access,
  Attributes,
  ClientEvent,
  ConnectorSettings,
  FileContent,
  EncryptedSecret,
  Language,
  ReminderEvent,
  SheetField,
} from '@dossiers/events';
import { assertNever } from '../shared/decider';
import { NotFoundError } from '../shared/domain-errors';
import {
  addFolders,
  deleteFolders,
  setRight,
  setRights,
  updateFolder,
  type FolderNode,
  type FolderTree,
} from '../folders/folder-tree';
import { evolveReminder, type ClientReminder } from '../reminders/client-reminder';
import { evolveForms, type ClientForm } from '../forms/client-form';

export const clientStreamId = (clientId: string) => `client-${clientId}`;
/** Where a client's file downloads are recorded (FileDownloaded), apart from its own stream. */
export const clientDownloadsStreamId = (clientId: string) => `client-downloads-${clientId}`;

export interface ClientConnector {
  settings: ConnectorSettings;
  secrets: Record<string, EncryptedSecret>;
}

export interface ClientFile extends FileContent {
  folderId: string;
  name: string;
  version: number;
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
  folders: FolderTree;
  files: Record<string, ClientFile>;
  connectors: Record<string, ClientConnector>;
  /** formId -> the form (its `answered`: what a reminder chasing it stops on) */
  forms: Record<string, ClientForm>;
  reminders: Record<string, ClientReminder>;
}

/** A deleted client keeps its reminders: an occurrence falling due after the deletion is skipped with that reason. */
export type DeletedClient = { status: 'deleted'; name: string; reminders?: Record<string, ClientReminder> };
export type ClientState = { status: 'absent' } | ActiveClient | DeletedClient;

/** The client, for a command that needs it to exist: 404 when it never did or is deleted. */
export function activeOrNotFound(state: ClientState, clientId: string): ActiveClient {
  if (state.status !== 'active') throw new NotFoundError('client', clientId);
  return state;
}

export function folderOrNotFound(client: ActiveClient, folderId: string): FolderNode {
  const folder = client.folders[folderId];
  if (!folder) throw new NotFoundError('folder', folderId);
  return folder;
}

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
      return { status: 'deleted', name: state.name, reminders: state.reminders };
    case 'SheetTemplateLoaded':
      return { ...state, fields: [...state.fields, ...event.data.fields] };
    case 'ContactAttached':
      return { ...state, contacts: { ...state.contacts, [event.data.contactId]: event.data.language } };
    case 'ContactLanguageChanged':
      return { ...state, contacts: { ...state.contacts, [event.data.contactId]: event.data.language } };
    case 'ContactInvited':
      return state;
    case 'ContactDetached':
      // Its explicit folder rights stay: a non-member has none, and attached again it has them back
      // (not the template's defaults, which would reopen folders closed to it).
      return { ...state, contacts: without(state.contacts, event.data.contactId) };
    case 'CollaboratorAccessSet': {
      const { collaboratorId, access } = event.data;
      return { ...state, collaborators: { ...state.collaborators, [collaboratorId]: access } };
    }
    case 'TreeTemplateApplied':
      return { ...state, folders: addFolders(state.folders, event.data.folders) };
    case 'ConnectorConfigured': {
      const { connectorId, settings, secrets } = event.data;
      return { ...state, connectors: { ...state.connectors, [connectorId]: { settings, secrets } } };
    }
    case 'ConnectorRemoved':
      return { ...state, connectors: without(state.connectors, event.data.connectorId) };
    case 'FormSent':
    case 'FormScheduled':
    case 'FormOpened':
    case 'FormDraftSaved':
    case 'FormAnswered':
      return { ...state, forms: evolveForms(state.forms, event) };
    case 'FolderCreated': {
      const { folderId, parentId, name, contactDefault } = event.data;
      return { ...state, folders: addFolders(state.folders, [{ folderId, parentId, name, contactDefault }]) };
    }
    case 'FolderRenamed':
      return {
        ...state,
        folders: updateFolder(state.folders, event.data.folderId, { name: event.data.name }),
      };
    case 'FolderMoved':
      return {
        ...state,
        folders: updateFolder(state.folders, event.data.folderId, { parentId: event.data.parentId }),
      };
    case 'FolderDeleted':
      return { ...state, folders: deleteFolders(state.folders, event.data.folderIds) };
    case 'FolderPermissionSet': {
      const { folderId, principalId, right } = event.data;
      return { ...state, folders: setRight(state.folders, folderId, principalId, right) };
    }
    case 'FolderPermissionsCascaded':
      return { ...state, folders: setRights(state.folders, event.data.folderIds, event.data.rights) };
    case 'FileUploaded': {
      const { fileId, folderId, name, version, blobId, size, sha256, contentType } = event.data;
      const file: ClientFile = { folderId, name, version, blobId, size, sha256, contentType };
      return { ...state, files: { ...state.files, [fileId]: file } };
    }
    case 'FileVersionUploaded': {
      const { fileId, version, blobId, size, sha256, contentType } = event.data;
      const file = state.files[fileId];
      if (!file) return state;
      return {
        ...state,
        files: { ...state.files, [fileId]: { ...file, version, blobId, size, sha256, contentType } },
      };
    }
    case 'FileRenamed': {
      const file = state.files[event.data.fileId];
      if (!file) return state;
      return { ...state, files: { ...state.files, [event.data.fileId]: { ...file, name: event.data.name } } };
    }
    case 'FileMoved': {
      const file = state.files[event.data.fileId];
      if (!file) return state;
      return {
        ...state,
        files: { ...state.files, [event.data.fileId]: { ...file, folderId: event.data.folderId } },
      };
    }
    case 'FileDeleted':
      return { ...state, files: without(state.files, event.data.fileId) };
    case 'ReminderScheduled':
    case 'ReminderRescheduled':
    case 'ReminderCancelled':
    case 'ReminderOccurrenceSent':
    case 'ReminderOccurrenceSkipped':
      return { ...state, reminders: withReminder(state.reminders, event) };
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
      folders: {},
      files: {},
      connectors: {},
      forms: {},
      reminders: {},
    };
  }
  if (state.status === 'deleted' && event.type.startsWith('Reminder'))
    return { ...state, reminders: withReminder(state.reminders ?? {}, event as ReminderEvent) };
  return state.status === 'active' ? evolveActive(state, event) : state;
}

function withReminder(reminders: Record<string, ClientReminder>, event: ReminderEvent) {
  const reminder = evolveReminder(reminders[event.data.reminderId], event);
  return reminder ? { ...reminders, [reminder.reminderId]: reminder } : reminders;
}
