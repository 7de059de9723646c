import type { ClientNameEvent } from '@dossiers/events';
import { assertNever, type Decider } from '../shared/decider';
import { ConflictError } from '../shared/domain-errors';
import type { ClientState } from './client.decider';
import { clientNameKey } from './client-name';

/**
 * Client names are unique per tenant. An event store checks one stream per append, so each
 * normalised name has a reservation stream: a client reserves the name there (expected revision)
 * before the create or rename that gives it the name.
 *
 * Nothing ever releases a reservation: releasing from a second stream could race with the same
 * client taking the name back. Instead a reservation is worth what its holder is now. It holds
 * while the holder answers to the name, or while the operation that reserved it may still be in
 * flight: the holder's stream has not moved since (same revision) and the grace period has not
 * run out. A deleted holder, a holder that moved on under another name, or a crash's leftover
 * frees the name.
 */
export const RESERVATION_GRACE_MS = 30_000;

export type NameReservationState = {
  holderId: string | null;
  reservedAt: string | null;
  /** the holder's stream revision when it reserved (-1: a client about to be created) */
  holderRevision: number;
};

/** A client as its own stream shows it now. */
export type ReservationHolder = { state: ClientState; revision: number };

export type ReserveClientName = {
  type: 'ReserveClientName';
  clientId: string;
  name: string;
  now: string;
  /** the reserving client's own stream revision, on which its create or rename will be decided */
  clientRevision: number;
  /** the current holder when it is another client, read from its stream */
  holder: ReservationHolder | null;
};
export type ClientNameCommand = ReserveClientName;

export function evolveNameReservation(
  _state: NameReservationState,
  event: ClientNameEvent,
): NameReservationState {
  switch (event.type) {
    case 'ClientNameReserved': {
      const { clientId, reservedAt, holderRevision } = event.data;
      return { holderId: clientId, reservedAt, holderRevision };
    }
    default:
      return assertNever(event.type);
  }
}

/** Does a client other than the requester still hold the name? */
export function isHeldByAnother(state: NameReservationState, command: ReserveClientName): boolean {
  if (state.holderId === null || state.holderId === command.clientId || command.holder === null) return false;
  const { state: holder, revision } = command.holder;
  if (holder.status === 'active' && clientNameKey(holder.name) === clientNameKey(command.name)) return true;
  if (holder.status === 'deleted' || revision !== state.holderRevision) return false;
  const reservedAt = Date.parse(state.reservedAt ?? '');
  return Number.isNaN(reservedAt) || Date.parse(command.now) - reservedAt < RESERVATION_GRACE_MS;
}

export function decideNameReservation(
  command: ClientNameCommand,
  state: NameReservationState,
): ClientNameEvent[] {
  if (isHeldByAnother(state, command)) {
    throw new ConflictError('CLIENT_NAME_TAKEN', `A client named "${command.name}" already exists`);
  }
  // Reserving again from the revision already recorded changes nothing; from a newer one it
  // records that revision, so the reservation keeps holding while this new operation is in flight.
  if (state.holderId === command.clientId && state.holderRevision === command.clientRevision) return [];
  const { clientId, name, now: reservedAt, clientRevision: holderRevision } = command;
  return [{ type: 'ClientNameReserved', data: { clientId, name, reservedAt, holderRevision } }];
}

export const clientNameReservationDecider: Decider<NameReservationState, ClientNameCommand, ClientNameEvent> =
  {
    initialState: () => ({ holderId: null, reservedAt: null, holderRevision: -1 }),
    evolve: evolveNameReservation,
    decide: decideNameReservation,
  };
