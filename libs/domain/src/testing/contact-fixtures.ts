import type { ContactDetails, ContactEvent } from '@dossiers/events';
import type { ActivateContact, ConfirmContactEmail } from '../contact/contact-link.commands';
import type { ChangeContactDetails } from '../contact/contact-details.commands';

/** Contact c1, Zoé Dupré, and the commands and events the contact specs build on it. */
export const details: ContactDetails = {
  firstName: 'Zoé',
  lastName: 'Dupré',
  email: 'zoe@example.fr',
  phone: null,
  language: 'fr',
};
export const created: ContactEvent = { type: 'ContactCreated', data: { contactId: 'c1', ...details } };
export const credential = { keyId: 'k1', iv: 'iv', tag: 'tag', data: 'secret' };
export const activated: ContactEvent = {
  type: 'ContactActivated',
  data: { contactId: 'c1', invitationId: 'inv1', clientId: 'k1', credential },
};
export const activate = (now: string, emailHash = { link: 'h-zoe', current: 'h-zoe' }): ActivateContact => ({
  type: 'ActivateContact',
  contactId: 'c1',
  invitationId: 'inv1',
  clientId: 'k1',
  expiresAt: '2026-01-08T10:00:00.000Z',
  now,
  credential,
  emailHash,
});
export const expiresAt = '2026-01-08T10:00:00.000Z';
export const change = (
  changes: ChangeContactDetails['changes'],
  actorRole: ChangeContactDetails['actorRole'] = 'admin',
  requestId = 'r1',
): ChangeContactDetails => ({
  type: 'ChangeContactDetails',
  contactId: 'c1',
  changes,
  actorRole,
  emailRequest: { requestId, expiresAt },
});
export const requested = (
  requestId: string,
  email: string,
  previousEmail = 'zoe@example.fr',
): ContactEvent => ({
  type: 'ContactEmailChangeRequested',
  data: { contactId: 'c1', requestId, email, previousEmail, expiresAt },
});
export const confirm = (requestId: string, now = '2026-01-02T00:00:00.000Z'): ConfirmContactEmail => ({
  type: 'ConfirmContactEmail',
  contactId: 'c1',
  requestId,
  now,
});
export const emailChanged = (
  requestId: string,
  email: string,
  previousEmail = 'zoe@example.fr',
): ContactEvent => ({
  type: 'ContactEmailChanged',
  data: { contactId: 'c1', requestId, email, previousEmail },
});
