import type { Attributes, ClientEvent } from '@dossiers/events';
import { assertNever, type Decider } from '../shared/decider';
import { NotFoundError, RuleViolationError } from '../shared/domain-errors';

export const clientStreamId = (clientId: string) => `client-${clientId}`;

// ---- state -------------------------------------------------------------------------------
export type ClientState =
  | { status: 'absent' }
  | { status: 'active'; name: string; groupId: string | null; attributes: Attributes }
  | { status: 'deleted'; name: string };

export function evolveClient(state: ClientState, event: ClientEvent): ClientState {
  switch (event.type) {
    case 'ClientCreated': {
      const { name, groupId, attributes } = event.data;
      return { status: 'active', name, groupId, attributes };
    }
    case 'ClientRenamed':
      return state.status === 'active' ? { ...state, name: event.data.name } : state;
    case 'ClientGroupChanged':
      return state.status === 'active' ? { ...state, groupId: event.data.groupId } : state;
    case 'ClientAttributesChanged': {
      if (state.status !== 'active') return state;
      const attributes = { ...state.attributes, ...event.data.set };
      for (const key of event.data.removed) delete attributes[key];
      return { ...state, attributes };
    }
    case 'ClientDeleted':
      return state.status === 'active' ? { status: 'deleted', name: state.name } : state;
    default:
      return assertNever(event);
  }
}

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

export type ClientCommand = CreateClient | UpdateClient | DeleteClient;

// ---- decide ------------------------------------------------------------------------------
/** Creating again with the same name is a retry (same Idempotency-Key, same id): nothing new happens. */
function createClient(command: CreateClient, state: ClientState): ClientEvent[] {
  if (state.status === 'active' && state.name === command.name) return [];
  if (state.status !== 'absent')
    throw new RuleViolationError('CLIENT_ALREADY_EXISTS', `Client ${command.clientId} already exists`);
  const { clientId, name, groupId, attributes } = command;
  return [{ type: 'ClientCreated', data: { clientId, name, groupId, attributes } }];
}

/** Only what actually changes becomes an event: a PATCH that changes nothing appends nothing. */
function updateClient(command: UpdateClient, state: ClientState): ClientEvent[] {
  if (state.status !== 'active') throw new NotFoundError('client', command.clientId);
  const { clientId } = command;
  const events: ClientEvent[] = [];
  if (command.name !== undefined && command.name !== state.name) {
    events.push({ type: 'ClientRenamed', data: { clientId, name: command.name } });
  }
  if (command.groupId !== undefined && command.groupId !== state.groupId) {
    events.push({ type: 'ClientGroupChanged', data: { clientId, groupId: command.groupId } });
  }
  if (command.attributes) {
    const set = Object.fromEntries(
      // Own keys only: 'toString' or 'valueOf' are attribute names like any other, not inherited methods.
      Object.entries(command.attributes.set).filter(
        ([key, value]) => !Object.hasOwn(state.attributes, key) || state.attributes[key] !== value,
      ),
    );
    const removed = command.attributes.removed.filter((key) => Object.hasOwn(state.attributes, key));
    if (Object.keys(set).length > 0 || removed.length > 0) {
      events.push({ type: 'ClientAttributesChanged', data: { clientId, set, removed } });
    }
  }
  return events;
}

function deleteClient(command: DeleteClient, state: ClientState): ClientEvent[] {
  if (state.status !== 'active') throw new NotFoundError('client', command.clientId);
  return [{ type: 'ClientDeleted', data: { clientId: command.clientId } }];
}

export function decideClient(command: ClientCommand, state: ClientState): ClientEvent[] {
  switch (command.type) {
    case 'CreateClient':
      return createClient(command, state);
    case 'UpdateClient':
      return updateClient(command, state);
    case 'DeleteClient':
      return deleteClient(command, state);
    default:
      return assertNever(command);
  }
}

export const clientDecider: Decider<ClientState, ClientCommand, ClientEvent> = {
  initialState: () => ({ status: 'absent' }),
  evolve: evolveClient,
  decide: decideClient,
};
