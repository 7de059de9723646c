import type { CollaboratorEvent } from '@dossiers/events';
import type { Role } from '../shared/actor';
import { assertNever, type Decider } from '../shared/decider';
import { NotFoundError, RuleViolationError } from '../shared/domain-errors';
import { assertMayChangeIdentity } from '../shared/identity-rule';
import type { CollaboratorDetails } from './collaborator-values';

export const collaboratorStreamId = (collaboratorId: string) => `collaborator-${collaboratorId}`;

// ---- state -------------------------------------------------------------------------------
/**
 * One of the firm's people (the directory's collaborators). Unlike a contact's, a collaborator's email is NOT kept unique (no
 * reservation stream): nothing identifies a collaborator by its email, whereas a contact signs in
 * with its own.
 */
export type CollaboratorState = { status: 'absent' } | ({ status: 'active' } & CollaboratorDetails);

export function evolveCollaborator(state: CollaboratorState, event: CollaboratorEvent): CollaboratorState {
  switch (event.type) {
    case 'CollaboratorRegistered':
    case 'CollaboratorDetailsChanged': {
      const { firstName, lastName, email } = event.data;
      return { status: 'active', firstName, lastName, email };
    }
    default:
      return assertNever(event);
  }
}

// ---- commands ----------------------------------------------------------------------------
/**
 * Details arrive checked (checkCollaboratorDetails). A collaborator's record (names, email) is the
 * firm's record of who they are: registering and changing one is for admin and service actors only
 * (`actorRole`; see identity-rule.ts).
 */
export type RegisterCollaborator = {
  type: 'RegisterCollaborator';
  collaboratorId: string;
  details: CollaboratorDetails;
  actorRole: Role;
};
export type ChangeCollaboratorDetails = {
  type: 'ChangeCollaboratorDetails';
  collaboratorId: string;
  changes: Partial<CollaboratorDetails>;
  actorRole: Role;
};
export type CollaboratorCommand = RegisterCollaborator | ChangeCollaboratorDetails;

// ---- decide ------------------------------------------------------------------------------
const sameDetails = (a: CollaboratorDetails, b: CollaboratorDetails) =>
  a.firstName === b.firstName && a.lastName === b.lastName && a.email === b.email;

const COLLABORATOR_FIELDS: (keyof CollaboratorDetails)[] = ['firstName', 'lastName', 'email'];

/** Every field of a collaborator is identity: even a change naming no field is refused to other roles. */
function assertMayWriteCollaborator(role: Role, fields: (keyof CollaboratorDetails)[]): void {
  assertMayChangeIdentity(role, fields.length > 0 ? fields : COLLABORATOR_FIELDS, 'collaborator');
}

/** Registering again with the same details is a retry (same Idempotency-Key, same id): nothing new happens. */
function registerCollaborator(command: RegisterCollaborator, state: CollaboratorState): CollaboratorEvent[] {
  assertMayWriteCollaborator(command.actorRole, COLLABORATOR_FIELDS);
  if (state.status === 'active' && sameDetails(state, command.details)) return [];
  if (state.status !== 'absent')
    throw new RuleViolationError(
      'COLLABORATOR_ALREADY_EXISTS',
      `Collaborator ${command.collaboratorId} already exists`,
    );
  const { collaboratorId, details } = command;
  return [{ type: 'CollaboratorRegistered', data: { collaboratorId, ...details } }];
}

/** The event carries every detail as it now is; a PATCH that changes nothing appends nothing. */
function changeCollaboratorDetails(
  command: ChangeCollaboratorDetails,
  state: CollaboratorState,
): CollaboratorEvent[] {
  assertMayWriteCollaborator(
    command.actorRole,
    COLLABORATOR_FIELDS.filter((key) => command.changes[key] !== undefined),
  );
  if (state.status !== 'active') throw new NotFoundError('collaborator', command.collaboratorId);
  const { firstName, lastName, email } = command.changes;
  const details: CollaboratorDetails = {
    firstName: firstName ?? state.firstName,
    lastName: lastName ?? state.lastName,
    email: email ?? state.email,
  };
  if (sameDetails(details, state)) return [];
  return [
    { type: 'CollaboratorDetailsChanged', data: { collaboratorId: command.collaboratorId, ...details } },
  ];
}

export function decideCollaborator(
  command: CollaboratorCommand,
  state: CollaboratorState,
): CollaboratorEvent[] {
  switch (command.type) {
    case 'RegisterCollaborator':
      return registerCollaborator(command, state);
    case 'ChangeCollaboratorDetails':
      return changeCollaboratorDetails(command, state);
    default:
      return assertNever(command);
  }
}

export const collaboratorDecider: Decider<CollaboratorState, CollaboratorCommand, CollaboratorEvent> = {
  initialState: () => ({ status: 'absent' }),
  evolve: evolveCollaborator,
  decide: decideCollaborator,
};
