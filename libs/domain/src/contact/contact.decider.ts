import type { ContactDetails, ContactEvent, EncryptedSecret } from '@dossiers/events';
import { assertNever, type Decider } from '../shared/decider';
import { GoneError, NotFoundError, RuleViolationError } from '../shared/domain-errors';

export const contactStreamId = (contactId: string) => `contact-${contactId}`;

// ---- state -------------------------------------------------------------------------------
/** A contact of the firm's directory; it is never deleted, only detached from clients. */
export type ContactState =
  { status: 'absent' } | { status: 'active'; details: ContactDetails; activated: boolean };

function detailsOf(data: { contactId: string } & ContactDetails): ContactDetails {
  const { firstName, lastName, email, phone, language } = data;
  return { firstName, lastName, email, phone, language };
}

export function evolveContact(state: ContactState, event: ContactEvent): ContactState {
  switch (event.type) {
    case 'ContactCreated':
      return { status: 'active', details: detailsOf(event.data), activated: false };
    case 'ContactDetailsChanged':
      return state.status === 'active' ? { ...state, details: detailsOf(event.data) } : state;
    case 'ContactActivated':
      return state.status === 'active' ? { ...state, activated: true } : state;
    default:
      return assertNever(event);
  }
}

// ---- commands ----------------------------------------------------------------------------
/** Details arrive checked (checkContactDetails) and their email reserved. */
export type CreateContact = { type: 'CreateContact'; contactId: string; details: ContactDetails };
/** Only the fields to change; `phone: null` removes the phone. */
export type ChangeContactDetails = {
  type: 'ChangeContactDetails';
  contactId: string;
  changes: Partial<ContactDetails>;
};
/**
 * The contact chose its password through invitation `invitationId`'s link, valid until
 * `expiresAt`; `credential` is the password's hash, already encrypted.
 */
export type ActivateContact = {
  type: 'ActivateContact';
  contactId: string;
  invitationId: string;
  expiresAt: string;
  now: string;
  credential: EncryptedSecret;
};
export type ContactCommand = CreateContact | ChangeContactDetails | ActivateContact;

// ---- decide ------------------------------------------------------------------------------
const DETAIL_KEYS: (keyof ContactDetails)[] = ['firstName', 'lastName', 'email', 'phone', 'language'];

export const sameContactDetails = (a: ContactDetails, b: ContactDetails) =>
  DETAIL_KEYS.every((key) => a[key] === b[key]);

/** Creating again with the same details is a retry (same Idempotency-Key, same id): nothing new happens. */
function createContact(command: CreateContact, state: ContactState): ContactEvent[] {
  if (state.status === 'active' && sameContactDetails(state.details, command.details)) return [];
  if (state.status !== 'absent')
    throw new RuleViolationError('CONTACT_ALREADY_EXISTS', `Contact ${command.contactId} already exists`);
  return [{ type: 'ContactCreated', data: { contactId: command.contactId, ...command.details } }];
}

/** The event carries every detail as it now is; a PATCH that changes nothing appends nothing. */
function changeContactDetails(command: ChangeContactDetails, state: ContactState): ContactEvent[] {
  if (state.status !== 'active') throw new NotFoundError('contact', command.contactId);
  const changes = Object.fromEntries(
    Object.entries(command.changes).filter(([, value]) => value !== undefined),
  ) as Partial<ContactDetails>;
  const details: ContactDetails = { ...state.details, ...changes };
  if (sameContactDetails(details, state.details)) return [];
  return [{ type: 'ContactDetailsChanged', data: { contactId: command.contactId, ...details } }];
}

function activateContact(command: ActivateContact, state: ContactState): ContactEvent[] {
  if (state.status !== 'active') throw new NotFoundError('contact', command.contactId);
  if (state.activated)
    throw new GoneError('ACTIVATION_TOKEN_USED', 'This activation link has already been used');
  // Written as "not before", so that an unreadable date counts as expired rather than valid forever.
  if (!(Date.parse(command.now) < Date.parse(command.expiresAt)))
    throw new GoneError('ACTIVATION_TOKEN_EXPIRED', 'This activation link has expired');
  const { contactId, invitationId, credential } = command;
  return [{ type: 'ContactActivated', data: { contactId, invitationId, credential } }];
}

export function decideContact(command: ContactCommand, state: ContactState): ContactEvent[] {
  switch (command.type) {
    case 'CreateContact':
      return createContact(command, state);
    case 'ChangeContactDetails':
      return changeContactDetails(command, state);
    case 'ActivateContact':
      return activateContact(command, state);
    default:
      return assertNever(command);
  }
}

export const contactDecider: Decider<ContactState, ContactCommand, ContactEvent> = {
  initialState: () => ({ status: 'absent' }),
  evolve: evolveContact,
  decide: decideContact,
};
