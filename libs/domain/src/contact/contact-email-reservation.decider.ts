import type { ContactEmailEvent } from '@dossiers/events';
import { assertNever, type Decider } from '../shared/decider';
import { ConflictError } from '../shared/domain-errors';
import { emailKey } from '../shared/normalize-text';
import { isHeldByAnother, isSameReservation, NO_RESERVATION, type Reservation } from '../shared/reservation';
import type { ContactState } from './contact.state';

/** Contact emails are unique per tenant: see shared/reservation.ts for how reservations work. */
export type ContactEmailReservationState = Reservation;

/** A contact as its own stream shows it now. */
export type ContactEmailHolder = { state: ContactState; revision: number };

export type ReserveContactEmail = {
  type: 'ReserveContactEmail';
  contactId: string;
  /** checked (checkEmail): trimmed and lower-cased */
  email: string;
  now: string;
  /** the reserving contact's own stream revision, on which its create or change will be decided */
  contactRevision: number;
  /** the current holder when it is another contact, read from its stream */
  holder: ContactEmailHolder | null;
};
export type ContactEmailCommand = ReserveContactEmail;

export function evolveContactEmailReservation(
  _state: ContactEmailReservationState,
  event: ContactEmailEvent,
): ContactEmailReservationState {
  switch (event.type) {
    case 'ContactEmailReserved': {
      const { contactId, reservedAt, holderRevision } = event.data;
      return { holderId: contactId, reservedAt, holderRevision };
    }
    default:
      return assertNever(event.type);
  }
}

/**
 * A contact has an email while it is its email, and also while it waits for its owner to confirm
 * it (a pending change, until its link expires): the new address stays reserved from the request
 * to the confirmation, so no other contact can take it in between.
 */
function hasEmail(state: ContactState, email: string, now: string): boolean {
  if (state.status !== 'active') return false;
  if (emailKey(state.details.email) === emailKey(email)) return true;
  const pending = state.pendingEmail;
  return (
    pending !== null &&
    emailKey(pending.email) === emailKey(email) &&
    Date.parse(now) < Date.parse(pending.expiresAt)
  );
}

/**
 * Does a contact other than `requesterId` hold `email` at `now`? Without a requester (a pre-check
 * that reserves nothing), any holder counts. Contacts are never deleted, so a holder is never gone.
 */
export function isContactEmailHeld(
  state: ContactEmailReservationState,
  email: string,
  holder: ContactEmailHolder | null,
  now: string,
  requesterId: string | null,
): boolean {
  const holderNow = holder && {
    hasValue: hasEmail(holder.state, email, now),
    gone: false,
    revision: holder.revision,
  };
  return isHeldByAnother(state, requesterId ?? '', holderNow, now);
}

export function decideContactEmailReservation(
  command: ContactEmailCommand,
  state: ContactEmailReservationState,
): ContactEmailEvent[] {
  const { contactId, email, now, contactRevision, holder } = command;
  if (isContactEmailHeld(state, email, holder, now, contactId)) {
    throw new ConflictError('CONTACT_EMAIL_TAKEN', `The email ${email} is taken in the firm's directory`);
  }
  // Reserving again from the revision already recorded changes nothing (a retry); from a newer one
  // it records that revision, so the reservation keeps holding while the new operation is in flight.
  if (isSameReservation(state, contactId, contactRevision)) return [];
  return [
    {
      type: 'ContactEmailReserved',
      data: { contactId, email, reservedAt: now, holderRevision: contactRevision },
    },
  ];
}

export const contactEmailReservationDecider: Decider<
  ContactEmailReservationState,
  ContactEmailCommand,
  ContactEmailEvent
> = {
  initialState: () => NO_RESERVATION,
  evolve: evolveContactEmailReservation,
  decide: decideContactEmailReservation,
};
