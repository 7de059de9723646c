import type {
  Access,
  Attributes,
  ClientEvent,
  ConnectorSettings,
  EncryptedSecret,
  Language,
  SheetField,
  TreeTemplateFolder,
} from '@dossiers/events';
import { assertNever, type Decider } from '../shared/decider';
import { NotFoundError, RuleViolationError, ValidationError } from '../shared/domain-errors';
import { checkSheetValues } from '../templates/sheet-fields';
import { evolveClient, type ActiveClient, type ClientState } from './client.state';
import { foldersToAdd } from './client-tree';
import { decideFolderCommand, type FolderCommand } from './client-folder.commands';
import { decideFileCommand, type FileCommand } from './client-file.commands';

// ---- commands ----------------------------------------------------------------------------
/** Inputs arrive validated (parseClientName, parseAttributes) and the group already looked up. */
export type CreateClient = {
  type: 'CreateClient';
  clientId: string;
  name: string;
  groupId: string | null;
  attributes: Attributes;
};
export type UpdateClient = {
  type: 'UpdateClient';
  clientId: string;
  name?: string;
  /** undefined: unchanged; null: leave the group */
  groupId?: string | null;
  attributes?: { set: Attributes; removed: string[] };
};
export type DeleteClient = { type: 'DeleteClient'; clientId: string };

/** The template as it is now, read from its stream by the caller. */
export type LoadSheetTemplate = {
  type: 'LoadSheetTemplate';
  clientId: string;
  template: { templateId: string; name: string; fields: SheetField[] };
};
/** The contact was looked up in the directory by the caller. */
export type AttachContact = {
  type: 'AttachContact';
  clientId: string;
  contactId: string;
  language: Language;
  sendActivationEmail: boolean;
};
export type DetachContact = { type: 'DetachContact'; clientId: string; contactId: string };
export type AssignCollaborator = {
  type: 'AssignCollaborator';
  clientId: string;
  collaboratorId: string;
  access: Access;
};
export type ApplyTreeTemplate = {
  type: 'ApplyTreeTemplate';
  clientId: string;
  /** folders normalised and ordered parents first (checkTreeFolders) */
  template: { templateId: string; name: string; folders: TreeTemplateFolder[] };
  /** an id for each template path, used for the folders the client lacks */
  newFolderIds: Record<string, string>;
};
/** Settings checked against the catalog; `secrets` are only the secret settings given now, encrypted. */
export type ConfigureConnector = {
  type: 'ConfigureConnector';
  clientId: string;
  connectorId: string;
  settings: ConnectorSettings;
  secrets: Record<string, EncryptedSecret>;
};
export type RemoveConnector = { type: 'RemoveConnector'; clientId: string; connectorId: string };
export type SendForm = {
  type: 'SendForm';
  clientId: string;
  formId: string;
  template: { templateId: string; name: string };
};

export type ClientCommand =
  | CreateClient
  | UpdateClient
  | DeleteClient
  | LoadSheetTemplate
  | AttachContact
  | DetachContact
  | AssignCollaborator
  | ApplyTreeTemplate
  | ConfigureConnector
  | RemoveConnector
  | SendForm
  | FolderCommand
  | FileCommand;

// ---- decide ------------------------------------------------------------------------------
function activeOrNotFound(state: ClientState, clientId: string): ActiveClient {
  if (state.status !== 'active') throw new NotFoundError('client', clientId);
  return state;
}

/** Creating again with the same name is a retry (same Idempotency-Key, same id): nothing new happens. */
function createClient(command: CreateClient, state: ClientState): ClientEvent[] {
  if (state.status === 'active' && state.name === command.name) return [];
  if (state.status !== 'absent')
    throw new RuleViolationError('CLIENT_ALREADY_EXISTS', `Client ${command.clientId} already exists`);
  const { clientId, name, groupId, attributes } = command;
  return [{ type: 'ClientCreated', data: { clientId, name, groupId, attributes } }];
}

/** A value the sheet's fields reject, or a required field emptied, is refused; extra attributes are free. */
function checkAgainstSheet(state: ActiveClient, changes: { set: Attributes; removed: string[] }): void {
  const errors = checkSheetValues(state.fields, changes.set, { requireAll: false, field: 'attributes' });
  for (const key of changes.removed) {
    if (state.fields.some((f) => f.key === key && f.required))
      errors.push({ field: `attributes.${key}`, message: 'is required by the client sheet' });
  }
  if (errors.length > 0) throw new ValidationError(errors);
}

/** Only what actually changes becomes an event: a PATCH that changes nothing appends nothing. */
function updateClient(command: UpdateClient, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  const { clientId } = command;
  const events: ClientEvent[] = [];
  if (command.name !== undefined && command.name !== client.name) {
    events.push({ type: 'ClientRenamed', data: { clientId, name: command.name } });
  }
  if (command.groupId !== undefined && command.groupId !== client.groupId) {
    events.push({ type: 'ClientGroupChanged', data: { clientId, groupId: command.groupId } });
  }
  if (command.attributes) {
    checkAgainstSheet(client, command.attributes);
    const set = Object.fromEntries(
      // Own keys only: 'toString' or 'valueOf' are attribute names like any other, not inherited methods.
      Object.entries(command.attributes.set).filter(
        ([key, value]) => !Object.hasOwn(client.attributes, key) || client.attributes[key] !== value,
      ),
    );
    const removed = command.attributes.removed.filter((key) => Object.hasOwn(client.attributes, key));
    if (Object.keys(set).length > 0 || removed.length > 0) {
      events.push({ type: 'ClientAttributesChanged', data: { clientId, set, removed } });
    }
  }
  return events;
}

/** The contacts stay in the directory: each link is undone first, so every reader sees them leave. */
function deleteClient(command: DeleteClient, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  const { clientId } = command;
  return [
    ...Object.keys(client.contacts).map((contactId): ClientEvent => ({
      type: 'ContactDetached',
      data: { clientId, contactId },
    })),
    { type: 'ClientDeleted', data: { clientId } },
  ];
}

/** Adds the fields the sheet lacks; a field already there keeps its definition and its value. */
function loadSheetTemplate(command: LoadSheetTemplate, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  const known = new Set(client.fields.map((f) => f.key));
  const fields = command.template.fields.filter((f) => !known.has(f.key));
  if (fields.length === 0) return [];
  const { templateId, name: templateName } = command.template;
  return [
    { type: 'SheetTemplateLoaded', data: { clientId: command.clientId, templateId, templateName, fields } },
  ];
}

/**
 * Attaching a contact already attached changes nothing but the language of this client's emails
 * to them, if another is given; asking for an activation email sends a new one (a lost or expired
 * invitation is re-sent this way).
 */
function attachContact(command: AttachContact, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  const { clientId, contactId, language } = command;
  const events: ClientEvent[] = [];
  if (!Object.hasOwn(client.contacts, contactId))
    events.push({ type: 'ContactAttached', data: { clientId, contactId, language } });
  else if (client.contacts[contactId] !== language)
    events.push({ type: 'ContactLanguageChanged', data: { clientId, contactId, language } });
  if (command.sendActivationEmail)
    events.push({ type: 'ContactInvited', data: { clientId, contactId, language } });
  return events;
}

function detachContact(command: DetachContact, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  if (!Object.hasOwn(client.contacts, command.contactId))
    throw new NotFoundError('contact', command.contactId);
  return [{ type: 'ContactDetached', data: { clientId: command.clientId, contactId: command.contactId } }];
}

function assignCollaborator(command: AssignCollaborator, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  const { clientId, collaboratorId, access } = command;
  const previousAccess = Object.hasOwn(client.collaborators, collaboratorId)
    ? client.collaborators[collaboratorId]
    : null;
  if (previousAccess === access) return [];
  return [{ type: 'CollaboratorAccessSet', data: { clientId, collaboratorId, access, previousAccess } }];
}

/** Merges: existing folders, their files and rights stay as they are; only missing folders are added. */
function applyTreeTemplate(command: ApplyTreeTemplate, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  const folders = foldersToAdd(client.folders, command.template.folders, command.newFolderIds);
  if (folders.length === 0) return [];
  const { templateId, name: templateName } = command.template;
  return [
    { type: 'TreeTemplateApplied', data: { clientId: command.clientId, templateId, templateName, folders } },
  ];
}

function sameSettings(a: ConnectorSettings, b: ConnectorSettings): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/** Secrets not given keep their stored value: a caller cannot read them back to send them again. */
function configureConnector(command: ConfigureConnector, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  const { clientId, connectorId, settings } = command;
  const current = Object.hasOwn(client.connectors, connectorId) ? client.connectors[connectorId] : null;
  const newSecrets = Object.keys(command.secrets).length > 0;
  if (current && !newSecrets && sameSettings(current.settings, settings)) return [];
  const secrets = { ...(current?.secrets ?? {}), ...command.secrets };
  return [{ type: 'ConnectorConfigured', data: { clientId, connectorId, settings, secrets } }];
}

function removeConnector(command: RemoveConnector, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  if (!Object.hasOwn(client.connectors, command.connectorId))
    throw new NotFoundError('connector', command.connectorId);
  return [
    { type: 'ConnectorRemoved', data: { clientId: command.clientId, connectorId: command.connectorId } },
  ];
}

function sendForm(command: SendForm, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  const { clientId, formId } = command;
  const { templateId: formTemplateId, name: formName } = command.template;
  const contactIds = Object.keys(client.contacts);
  return [{ type: 'FormSent', data: { clientId, formId, formTemplateId, formName, contactIds } }];
}

export function decideClient(command: ClientCommand, state: ClientState): ClientEvent[] {
  switch (command.type) {
    case 'CreateClient':
      return createClient(command, state);
    case 'UpdateClient':
      return updateClient(command, state);
    case 'DeleteClient':
      return deleteClient(command, state);
    case 'LoadSheetTemplate':
      return loadSheetTemplate(command, state);
    case 'AttachContact':
      return attachContact(command, state);
    case 'DetachContact':
      return detachContact(command, state);
    case 'AssignCollaborator':
      return assignCollaborator(command, state);
    case 'ApplyTreeTemplate':
      return applyTreeTemplate(command, state);
    case 'ConfigureConnector':
      return configureConnector(command, state);
    case 'RemoveConnector':
      return removeConnector(command, state);
    case 'SendForm':
      return sendForm(command, state);
    case 'CreateFolder':
    case 'UpdateFolder':
    case 'DeleteFolder':
    case 'SetFolderPermission':
    case 'CascadePermissions':
      return decideFolderCommand(command, state);
    case 'UploadFile':
    case 'UploadFileVersion':
    case 'UpdateFile':
    case 'DeleteFile':
      return decideFileCommand(command, state);
    default:
      return assertNever(command);
  }
}

export const clientDecider: Decider<ClientState, ClientCommand, ClientEvent> = {
  initialState: () => ({ status: 'absent' }),
  evolve: evolveClient,
  decide: decideClient,
};
