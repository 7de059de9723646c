import type { ClientNameEvent } from '@dossiers/events';
import { assertNever, type Decider } from '../shared/decider';
import { ConflictError } from '../shared/domain-errors';
import { isHeldByAnother, isSameReservation, NO_RESERVATION, type Reservation } from '../shared/reservation';
import type { ClientState } from './client.state';
import { clientNameKey } from './client-name';

/** Client names are unique per tenant: see shared/reservation.ts for how reservations work. */
export type NameReservationState = Reservation;

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
export function isNameHeldByAnother(state: NameReservationState, command: ReserveClientName): boolean {
  const holder = command.holder && {
    hasValue:
      command.holder.state.status === 'active' &&
      clientNameKey(command.holder.state.name) === clientNameKey(command.name),
    gone: command.holder.state.status === 'deleted',
    revision: command.holder.revision,
  };
  return isHeldByAnother(state, command.clientId, holder, command.now);
}

export function decideNameReservation(
  command: ClientNameCommand,
  state: NameReservationState,
): ClientNameEvent[] {
  if (isNameHeldByAnother(state, command)) {
    throw new ConflictError('CLIENT_NAME_TAKEN', `A client named "${command.name}" already exists`);
  }
  // Reserving again from the revision already recorded changes nothing; from a newer one it
  // records that revision, so the reservation keeps holding while this new operation is in flight.
  if (isSameReservation(state, command.clientId, command.clientRevision)) return [];
  const { clientId, name, now: reservedAt, clientRevision: holderRevision } = command;
  return [{ type: 'ClientNameReserved', data: { clientId, name, reservedAt, holderRevision } }];
}

export const clientNameReservationDecider: Decider<NameReservationState, ClientNameCommand, ClientNameEvent> =
  {
    initialState: () => NO_RESERVATION,
    evolve: evolveNameReservation,
    decide: decideNameReservation,
  };
