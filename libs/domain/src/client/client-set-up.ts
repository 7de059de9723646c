import type { ClientEvent } from '@dossiers/events';
import type { Decider } from '../shared/decider';
import { validOrThrow } from '../shared/checked';
import { checkSheetAttributes } from '../templates/sheet-fields';
import { appendBytes, APPEND_BUDGET_BYTES, eventsTooLargeError, type SizeAdvice } from '../shared/event-size';
import { clientDecider, clientSizeAdvice, decideClientUnchecked, type ClientCommand } from './client.decider';
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

/** The wizard's field for each kind of step (client-wizard.ts names the step from it), and what to do. */
const WIZARD_ADVICE: Partial<Record<ClientCommand['type'], SizeAdvice>> = {
  CreateClient: { field: 'attributes', advice: 'use fewer or shorter attributes' },
  LoadSheetTemplate: { field: 'sheetTemplateId', advice: 'choose a template with fewer fields' },
  AttachContact: { field: 'contacts', advice: 'attach some of the contacts once the client exists' },
  AssignCollaborator: {
    field: 'collaborators',
    advice: 'assign some of the collaborators once the client exists',
  },
  ApplyTreeTemplate: { field: 'treeTemplateId', advice: 'choose a template with fewer folders' },
  ConfigureConnector: { field: 'connectors', advice: 'configure some connectors once the client exists' },
  SendForm: { field: 'formTemplateId', advice: 'send the form once the client exists' },
};

type StepKind = ClientCommand['type'];

/** The one append holds every step's events: too heavy, the kind of step that weighs most is named. */
function assertSetUpFits(events: ClientEvent[], weights: Map<StepKind, number>): void {
  const bytes = appendBytes(events);
  if (bytes <= APPEND_BUDGET_BYTES) return;
  const [heaviest] = [...weights].reduce((a, b) => (b[1] > a[1] ? b : a));
  throw eventsTooLargeError(bytes, WIZARD_ADVICE[heaviest] ?? clientSizeAdvice({ type: heaviest }));
}

/**
 * Each step is decided on the state the previous ones left, so the outcome is exactly what the
 * step-by-step commands would give. The wizard fills the sheet at once, so its required fields
 * must have values. A client already created under this name is a retry: nothing new happens.
 */
export function decideClientSetUp(command: SetUpClient, state: ClientState): ClientEvent[] {
  if (state.status === 'active' && state.name === command.create.name) return [];
  let current = state;
  const events: ClientEvent[] = [];
  const weights = new Map<StepKind, number>();
  for (const step of [command.create, ...command.steps]) {
    const decided = decideClientUnchecked(step, current);
    events.push(...decided);
    weights.set(step.type, (weights.get(step.type) ?? 0) + appendBytes(decided));
    current = decided.reduce(evolveClient, current);
  }
  if (current.status === 'active')
    validOrThrow(
      checkSheetAttributes(current.fields, current.attributes, { requireAll: true, field: 'attributes' }),
    );
  assertSetUpFits(events, weights);
  return events;
}

export const clientSetUpDecider: Decider<ClientState, SetUpClient, ClientEvent> = {
  initialState: clientDecider.initialState,
  evolve: evolveClient,
  decide: decideClientSetUp,
};
