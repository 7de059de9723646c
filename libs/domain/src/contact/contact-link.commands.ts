import type { ContactEvent, EncryptedSecret } from '@dossiers/events';
import { GoneError, NotFoundError } from '../shared/domain-errors';
import type { ContactState } from './contact.state';

/** The commands a contact gives by following a link mailed to it: activation, email confirmation. */

/**
 * The contact chose its password through invitation `invitationId`'s link, valid until
 * `expiresAt`, which client `clientId` sent (null: a link minted before links named it); `credential` is the password's hash, already encrypted. `emailHash`: the hash of the
 * address the link was mailed to (from its token) and of the contact's email now (the domain has
 * no crypto: the handler hashes both the same way); a link mailed to another address is void.
 */
export type ActivateContact = {
  type: 'ActivateContact';
  contactId: string;
  invitationId: string;
  clientId: string | null;
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
export type ContactLinkCommand = ActivateContact | ConfirmContactEmail;

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
  const { contactId, invitationId, clientId, credential } = command;
  return [{ type: 'ContactActivated', data: { contactId, invitationId, clientId, credential } }];
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

export function decideContactLink(command: ContactLinkCommand, state: ContactState): ContactEvent[] {
  switch (command.type) {
    case 'ActivateContact':
      return activateContact(command, state);
    case 'ConfirmContactEmail':
      return confirmContactEmail(command, state);
  }
}
