import type { Attributes, ClientEvent, SheetField } from '@dossiers/events';
import { checkAll, checked, validOrThrow, type Checked } from '../shared/checked';
import { RuleViolationError } from '../shared/domain-errors';
import { checkSheetAttributes } from '../templates/sheet-fields';
import type { AttributeChanges } from './attributes';
import type { Actor } from '../shared/actor';
import { assertFullEverywhere } from './client-access';
import { activeOrNotFound, type ActiveClient, type ClientState } from './client.state';

/** Commands on a client's sheet itself: its name, group and attributes, its fields, its existence. */

/** Inputs arrive checked (checkClientName, checkAttributes) and the group already looked up. */
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
  attributes?: AttributeChanges;
};
/** `actor`: a collaborator deletes a client only while every folder is theirs with full (assertFullEverywhere). */
export type DeleteClient = { type: 'DeleteClient'; clientId: string; actor?: Actor };
/** The template as it is now, read from its stream by the caller. */
export type LoadSheetTemplate = {
  type: 'LoadSheetTemplate';
  clientId: string;
  template: { templateId: string; name: string; fields: SheetField[] };
};
export type ClientInfoCommand = CreateClient | UpdateClient | DeleteClient | LoadSheetTemplate;

/** Creating again with the same name is a retry (same Idempotency-Key, same id): nothing new happens. */
function createClient(command: CreateClient, state: ClientState): ClientEvent[] {
  if (state.status === 'active' && state.name === command.name) return [];
  if (state.status !== 'absent')
    throw new RuleViolationError('CLIENT_ALREADY_EXISTS', `Client ${command.clientId} already exists`);
  const { clientId, name, groupId, attributes } = command;
  return [{ type: 'ClientCreated', data: { clientId, name, groupId, attributes } }];
}

/** Removing the value of a field the sheet requires is refused. */
function checkRemovals(fields: SheetField[], removed: string[]): Checked<string[]> {
  const required = removed.filter((key) => fields.some((f) => f.key === key && f.required));
  return checked(
    removed,
    required.map((key) => ({ field: `attributes.${key}`, message: 'is required by the client sheet' })),
  );
}

/** A value the sheet's fields reject, or a required field emptied, is refused; extra attributes are free. */
function assertFitsSheet(client: ActiveClient, changes: AttributeChanges): void {
  validOrThrow(
    checkAll({
      set: checkSheetAttributes(client.fields, changes.set, { requireAll: false, field: 'attributes' }),
      removed: checkRemovals(client.fields, changes.removed),
    }),
  );
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
    assertFitsSheet(client, command.attributes);
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
  if (command.actor) assertFullEverywhere(client, command.actor);
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

export function decideClientInfo(command: ClientInfoCommand, state: ClientState): ClientEvent[] {
  switch (command.type) {
    case 'CreateClient':
      return createClient(command, state);
    case 'UpdateClient':
      return updateClient(command, state);
    case 'DeleteClient':
      return deleteClient(command, state);
    case 'LoadSheetTemplate':
      return loadSheetTemplate(command, state);
  }
}
