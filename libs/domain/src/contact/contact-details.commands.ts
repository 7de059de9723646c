import type { ContactDetails, ContactEvent } from '@dossiers/events';
import type { Role } from '../shared/actor';
import { assertNever } from '../shared/decider';
import { NotFoundError, RuleViolationError } from '../shared/domain-errors';
import { assertMayChangeIdentity } from '../shared/identity-rule';
import type { ContactState } from './contact.state';

/** Commands on who a contact is: creating it, changing its details. */

/** Details arrive checked (checkContactDetails) and their email reserved. */
export type CreateContact = { type: 'CreateContact'; contactId: string; details: ContactDetails };
/**
 * Only the fields to change; `phone: null` removes the phone. The identity fields (names, email)
 * are for admin and service actors only (IDENTITY_CHANGE_FORBIDDEN); phone and language for any
 * writer. A new email of an ACTIVATED contact becomes a pending request (`emailRequest`: its id and
 * when its verification link expires), confirmed by ConfirmContactEmail; a contact not activated
 * yet takes it at once.
 */
export type ChangeContactDetails = {
  type: 'ChangeContactDetails';
  contactId: string;
  changes: Partial<ContactDetails>;
  actorRole: Role;
  emailRequest: { requestId: string; expiresAt: string };
};
export type ContactDetailsCommand = CreateContact | ChangeContactDetails;

const DETAIL_KEYS: (keyof ContactDetails)[] = ['firstName', 'lastName', 'email', 'phone', 'language'];
/** Who the contact is: changed by admin and service actors only (see identity-rule.ts). */
export const CONTACT_IDENTITY_FIELDS: readonly (keyof ContactDetails)[] = ['firstName', 'lastName', 'email'];

export const sameContactDetails = (a: ContactDetails, b: ContactDetails) =>
  DETAIL_KEYS.every((key) => a[key] === b[key]);

/** Creating again with the same details is a retry (same Idempotency-Key, same id): nothing new happens. */
function createContact(command: CreateContact, state: ContactState): ContactEvent[] {
  if (state.status === 'active' && sameContactDetails(state.details, command.details)) return [];
  if (state.status !== 'absent')
    throw new RuleViolationError('CONTACT_ALREADY_EXISTS', `Contact ${command.contactId} already exists`);
  return [{ type: 'ContactCreated', data: { contactId: command.contactId, ...command.details } }];
}

/**
 * The event carries every detail as it now is; a PATCH that changes nothing appends nothing. The
 * role is checked first, on the fields sent (even unchanged ones), before the contact is looked at:
 * the refusal is the same whoever the contact is.
 */
function changeContactDetails(command: ChangeContactDetails, state: ContactState): ContactEvent[] {
  const { contactId } = command;
  const changes = Object.fromEntries(
    Object.entries(command.changes).filter(([, value]) => value !== undefined),
  ) as Partial<ContactDetails>;
  const identity = CONTACT_IDENTITY_FIELDS.filter((key) => Object.hasOwn(changes, key));
  assertMayChangeIdentity(command.actorRole, identity, 'contact');
  if (state.status !== 'active') throw new NotFoundError('contact', contactId);

  const { email, ...others } = changes;
  // An activated contact signs in with its email: a new one waits for its owner's confirmation.
  const deferred = state.activated && email !== undefined && email !== state.details.email;
  const details: ContactDetails = { ...state.details, ...others, ...(deferred ? {} : changes) };
  const events: ContactEvent[] = [];
  if (!sameContactDetails(details, state.details))
    events.push({ type: 'ContactDetailsChanged', data: { contactId, ...details } });
  // Setting the address back to the current one withdraws a pending change: its link becomes void.
  if (state.activated && email === state.details.email && state.pendingEmail)
    events.push({
      type: 'ContactEmailChangeCancelled',
      data: { contactId, requestId: state.pendingEmail.requestId },
    });
  // A request already recorded under this id is a retry; any other one supersedes the pending request.
  if (deferred && state.pendingEmail?.requestId !== command.emailRequest.requestId) {
    const { requestId, expiresAt } = command.emailRequest;
    events.push({
      type: 'ContactEmailChangeRequested',
      data: { contactId, requestId, email, previousEmail: state.details.email, expiresAt },
    });
  }
  return events;
}

/**
 * The address decided events give the contact, or set aside for it (a pending change): the one to
 * reserve (contact-email-reservation.decider.ts) before appending them; null when none.
 */
export function emailClaimedBy(events: ContactEvent[], state: ContactState): string | null {
  for (const event of events) {
    switch (event.type) {
      case 'ContactDetailsChanged':
        if (state.status === 'active' && event.data.email !== state.details.email) return event.data.email;
        break;
      case 'ContactCreated':
      case 'ContactEmailChangeRequested':
      case 'ContactEmailChanged':
        return event.data.email;
      case 'ContactActivated':
      case 'ContactEmailChangeCancelled':
        break;
      default:
        return assertNever(event);
    }
  }
  return null;
}

export function decideContactDetails(command: ContactDetailsCommand, state: ContactState): ContactEvent[] {
  switch (command.type) {
    case 'CreateContact':
      return createContact(command, state);
    case 'ChangeContactDetails':
      return changeContactDetails(command, state);
  }
}
