import type { ClientEvent } from '@dossiers/events';
import type { Decider } from '../shared/decider';
import { validOrThrow } from '../shared/checked';
import { checkSheetAttributes } from '../templates/sheet-fields';
import { clientDecider, decideClient, type ClientCommand } from './client.decider';
import type { CreateClient } from './client-info.commands';
import { evolveClient, type ClientState } from './client.state';

/**
 * The creation wizard as one command: the creation, then each step's commands (sheet template,
 * contacts, collaborators, tree, connectors, form), all decided together and appended as one.
 */
export type SetUpClient = {
  type: 'SetUpClient';
  create: CreateClient;
  steps: Exclude<ClientCommand, CreateClient>[];
};

/**
 * Each step is decided on the state the previous ones left, so the outcome is exactly what the
 * step-by-step commands would give. The wizard fills the sheet at once, so its required fields
 * must have values. A client already created under this name is a retry: nothing new happens.
 */
export function decideClientSetUp(command: SetUpClient, state: ClientState): ClientEvent[] {
  if (state.status === 'active' && state.name === command.create.name) return [];
  let current = state;
  const events: ClientEvent[] = [];
  for (const step of [command.create, ...command.steps]) {
    const decided = decideClient(step, current);
    events.push(...decided);
    current = decided.reduce(evolveClient, current);
  }
  if (current.status === 'active')
    validOrThrow(
      checkSheetAttributes(current.fields, current.attributes, { requireAll: true, field: 'attributes' }),
    );
  return events;
}

export const clientSetUpDecider: Decider<ClientState, SetUpClient, ClientEvent> = {
  initialState: clientDecider.initialState,
  evolve: evolveClient,
  decide: decideClientSetUp,
};
