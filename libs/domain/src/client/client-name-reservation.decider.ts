import type { ClientNameEvent } from '@dossiers/events';
import { assertNever, type Decider } from '../shared/decider';
import { ConflictError } from '../shared/domain-errors';
import type { ClientState } from './client.decider';
import { clientNameKey } from './client-name';

/**
 * Client names are unique per tenant. An event store checks one stream per append, so each
 * normalised name has a reservation stream: whoever appends to it first (expected revision) holds
 * the name. A reservation is only trusted while its holder still answers to that name, so a crash
 * between reserving and creating (or renaming, deleting) never locks a name for good.
 */
export const RESERVATION_GRACE_MS = 30_000;

export type NameReservationState = { holderId: string | null; reservedAt: string | null };

export type ReserveClientName = {
  type: 'ReserveClientName';
  clientId: string;
  name: string;
  now: string;
  /** the current holder's state, read from its own stream (null when nobody holds the name) */
  holder: ClientState | null;
};
export type ReleaseClientName = { type: 'ReleaseClientName'; clientId: string };
export type ClientNameCommand = ReserveClientName | ReleaseClientName;

export function evolveNameReservation(
  state: NameReservationState,
  event: ClientNameEvent,
): NameReservationState {
  switch (event.type) {
    case 'ClientNameReserved':
      return { holderId: event.data.clientId, reservedAt: event.data.reservedAt };
    case 'ClientNameReleased':
      return state.holderId === event.data.clientId ? { holderId: null, reservedAt: null } : state;
    default:
      return assertNever(event);
  }
}

/** Does someone other than `clientId` still hold the name? */
export function isHeldByAnother(
  state: NameReservationState,
  command: Pick<ReserveClientName, 'clientId' | 'name' | 'now' | 'holder'>,
): boolean {
  if (state.holderId === null || state.holderId === command.clientId) return false;
  const holder = command.holder;
  if (holder?.status === 'active' && clientNameKey(holder.name) === clientNameKey(command.name)) return true;
  if (holder?.status === 'deleted') return false;
  // The holder does not answer to the name (yet): its creation or rename may be in flight, so the
  // reservation holds until it is too old to be anything but a crash's leftover.
  const reservedAt = Date.parse(state.reservedAt ?? '');
  return Number.isNaN(reservedAt) || Date.parse(command.now) - reservedAt < RESERVATION_GRACE_MS;
}

export function decideNameReservation(
  command: ClientNameCommand,
  state: NameReservationState,
): ClientNameEvent[] {
  switch (command.type) {
    case 'ReserveClientName':
      if (isHeldByAnother(state, command))
        throw new ConflictError('CLIENT_NAME_TAKEN', `A client named "${command.name}" already exists`);
      if (state.holderId === command.clientId) return [];
      return [
        {
          type: 'ClientNameReserved',
          data: { clientId: command.clientId, name: command.name, reservedAt: command.now },
        },
      ];
    case 'ReleaseClientName':
      return state.holderId === command.clientId
        ? [{ type: 'ClientNameReleased', data: { clientId: command.clientId } }]
        : [];
    default:
      return assertNever(command);
  }
}

export const clientNameReservationDecider: Decider<NameReservationState, ClientNameCommand, ClientNameEvent> =
  {
    initialState: () => ({ holderId: null, reservedAt: null }),
    evolve: evolveNameReservation,
    decide: decideNameReservation,
  };
