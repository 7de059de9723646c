import type { ContactDetails, ContactEvent, EncryptedSecret } from '@dossiers/events';
import type { ActorRole } from '../client/client-access';
import { assertNever, type Decider } from '../shared/decider';
import { GoneError, NotFoundError, RuleViolationError } from '../shared/domain-errors';
import { assertMayChangeIdentity } from '../shared/identity-rule';

export const contactStreamId = (contactId: string) => `contact-${contactId}`;

// ---- state -------------------------------------------------------------------------------
/** An activated contact's new email, waiting for its owner to confirm it through the link of request `requestId`. */
export interface PendingEmail {
  requestId: string;
  email: string;
  /** when the verification link stops working */
  expiresAt: string;
}

/** A contact of the firm's directory; it is never deleted, only detached from clients. */
export type ContactState =
  | { status: 'absent' }
  | {
      status: 'active';
      details: ContactDetails;
      activated: boolean;
      /** the email change waiting for confirmation (activated contacts only); a new request replaces it */
      pendingEmail: PendingEmail | null;
      /** the last email change confirmed: its link answers "used", an older one "superseded" */
      lastConfirmedRequestId: string | null;
    };

function detailsOf(data: { contactId: string } & ContactDetails): ContactDetails {
  const { firstName, lastName, email, phone, language } = data;
  return { firstName, lastName, email, phone, language };
}

export function evolveContact(state: ContactState, event: ContactEvent): ContactState {
  switch (event.type) {
    case 'ContactCreated':
      return {
        status: 'active',
        details: detailsOf(event.data),
        activated: false,
        pendingEmail: null,
        lastConfirmedRequestId: null,
      };
    case 'ContactDetailsChanged':
      return state.status === 'active' ? { ...state, details: detailsOf(event.data) } : state;
    case 'ContactActivated':
      return state.status === 'active' ? { ...state, activated: true } : state;
    case 'ContactEmailChangeRequested': {
      if (state.status !== 'active') return state;
      const { requestId, email, expiresAt } = event.data;
      return { ...state, pendingEmail: { requestId, email, expiresAt } };
    }
    case 'ContactEmailChanged':
      return state.status === 'active'
        ? {
            ...state,
            details: { ...state.details, email: event.data.email },
            pendingEmail: null,
            lastConfirmedRequestId: event.data.requestId,
          }
        : state;
    default:
      return assertNever(event);
  }
}

// ---- commands ----------------------------------------------------------------------------
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
  actorRole: ActorRole;
  emailRequest: { requestId: string; expiresAt: string };
};
/**
 * The contact chose its password through invitation `invitationId`'s link, valid until
 * `expiresAt`; `credential` is the password's hash, already encrypted. `emailHash`: the hash of the
 * address the link was mailed to (from its token) and of the contact's email now (the domain has
 * no crypto: the handler hashes both the same way); a link mailed to another address is void.
 */
export type ActivateContact = {
  type: 'ActivateContact';
  contactId: string;
  invitationId: string;
  expiresAt: string;
  now: string;
  credential: EncryptedSecret;
  emailHash: { link: string; current: string };
};
/** The owner of the new address followed the verification link of request `requestId`. It sets no password. */
export type ConfirmContactEmail = {
  type: 'ConfirmContactEmail';
  contactId: string;
  requestId: string;
  now: string;
};
export type ContactCommand = CreateContact | ChangeContactDetails | ActivateContact | ConfirmContactEmail;

// ---- decide ------------------------------------------------------------------------------
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

function activateContact(command: ActivateContact, state: ContactState): ContactEvent[] {
  if (state.status !== 'active') throw new NotFoundError('contact', command.contactId);
  if (state.activated)
    throw new GoneError('ACTIVATION_TOKEN_USED', 'This activation link has already been used');
  // The link was mailed to an address the contact no longer has: whoever changed it, it is void.
  if (command.emailHash.link !== command.emailHash.current)
    throw new GoneError(
      'ACTIVATION_LINK_SUPERSEDED',
      "This activation link was sent to an address that is no longer the contact's",
    );
  // Written as "not before", so that an unreadable date counts as expired rather than valid forever.
  if (!(Date.parse(command.now) < Date.parse(command.expiresAt)))
    throw new GoneError('ACTIVATION_TOKEN_EXPIRED', 'This activation link has expired');
  const { contactId, invitationId, credential } = command;
  return [{ type: 'ContactActivated', data: { contactId, invitationId, credential } }];
}

/** Written as "not before" (like an activation), so that an unreadable date counts as expired. */
function confirmContactEmail(command: ConfirmContactEmail, state: ContactState): ContactEvent[] {
  const { contactId, requestId } = command;
  if (state.status !== 'active') throw new NotFoundError('contact', contactId);
  if (state.lastConfirmedRequestId === requestId)
    throw new GoneError('EMAIL_VERIFICATION_USED', 'This verification link has already been used');
  const pending = state.pendingEmail;
  if (pending?.requestId !== requestId)
    throw new GoneError('EMAIL_VERIFICATION_SUPERSEDED', 'A later email change replaced this one');
  if (!(Date.parse(command.now) < Date.parse(pending.expiresAt)))
    throw new GoneError('EMAIL_VERIFICATION_EXPIRED', 'This verification link has expired');
  return [
    {
      type: 'ContactEmailChanged',
      data: { contactId, requestId, email: pending.email, previousEmail: state.details.email },
    },
  ];
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
        break;
      default:
        return assertNever(event);
    }
  }
  return null;
}

export function decideContact(command: ContactCommand, state: ContactState): ContactEvent[] {
  switch (command.type) {
    case 'CreateContact':
      return createContact(command, state);
    case 'ChangeContactDetails':
      return changeContactDetails(command, state);
    case 'ActivateContact':
      return activateContact(command, state);
    case 'ConfirmContactEmail':
      return confirmContactEmail(command, state);
    default:
      return assertNever(command);
  }
}

export const contactDecider: Decider<ContactState, ContactCommand, ContactEvent> = {
  initialState: () => ({ status: 'absent' }),
  evolve: evolveContact,
  decide: decideContact,
};
