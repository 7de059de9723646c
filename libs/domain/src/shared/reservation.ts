/**
 * Uniqueness across aggregates (a client name, a contact email). An event store checks one stream
 * per append, so each unique value gets a reservation stream where an aggregate reserves the value
 * (expected revision) before the command that gives it the value.
 *
 * Nothing ever releases a reservation: releasing from a second stream could race with the same
 * holder taking the value back. Instead a reservation is worth what its holder is now. It holds
 * while the holder has the value, or while the operation that reserved it may still be in flight:
 * the holder's stream has not moved since (same revision) and the grace period has not run out.
 * A deleted holder, a holder that moved on to another value, or a crash's leftover frees it.
 */
export const RESERVATION_GRACE_MS = 30_000;

export interface Reservation {
  holderId: string | null;
  reservedAt: string | null;
  /** the holder's stream revision when it reserved (-1: an aggregate about to be created) */
  holderRevision: number;
}

export const NO_RESERVATION: Reservation = { holderId: null, reservedAt: null, holderRevision: -1 };

/** The current holder as its own stream shows it now. */
export interface ReservationHolderNow {
  /** it has the reserved value (compared in its normalised form) */
  hasValue: boolean;
  /** it no longer exists (deleted) */
  gone: boolean;
  revision: number;
}

/** Does an aggregate other than `requesterId` still hold the reservation at `now`? */
export function isHeldByAnother(
  reservation: Reservation,
  requesterId: string,
  holder: ReservationHolderNow | null,
  now: string,
): boolean {
  if (reservation.holderId === null || reservation.holderId === requesterId || holder === null) return false;
  if (holder.hasValue && !holder.gone) return true;
  if (holder.gone || holder.revision !== reservation.holderRevision) return false;
  const reservedAt = Date.parse(reservation.reservedAt ?? '');
  return Number.isNaN(reservedAt) || Date.parse(now) - reservedAt < RESERVATION_GRACE_MS;
}

/** Reserving again from the revision already recorded changes nothing (a retry). */
export function isSameReservation(reservation: Reservation, requesterId: string, revision: number): boolean {
  return reservation.holderId === requesterId && reservation.holderRevision === revision;
}
