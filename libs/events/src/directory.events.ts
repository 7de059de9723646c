import type { EncryptedSecret, Language } from './values';

/**
 * Events of the firm's directory: collaborators (stream `collaborator-<id>`), contacts (stream
 * `contact-<id>`) and the reservations that keep contact emails unique per tenant (stream
 * `contact-email-<hash of tenant and email>`).
 */
export type CollaboratorRegistered = {
  type: 'CollaboratorRegistered';
  data: { collaboratorId: string; firstName: string; lastName: string; email: string };
};
/** Carries every detail as it now is, not just the changed ones: a reader needs no earlier event. */
export type CollaboratorDetailsChanged = {
  type: 'CollaboratorDetailsChanged';
  data: { collaboratorId: string; firstName: string; lastName: string; email: string };
};
export type CollaboratorEvent = CollaboratorRegistered | CollaboratorDetailsChanged;

/** A type, not an interface: only a type alias is assignable to JsonObject (event data must be JSON). */
export type ContactDetails = {
  firstName: string;
  lastName: string;
  /** trimmed and lower-cased: the form uniqueness is checked on */
  email: string;
  phone: string | null;
  language: Language;
};
export type ContactCreated = { type: 'ContactCreated'; data: { contactId: string } & ContactDetails };
export type ContactDetailsChanged = {
  type: 'ContactDetailsChanged';
  data: { contactId: string } & ContactDetails;
};
/**
 * The contact chose a password through the link of invitation `invitationId` (the id of the
 * ContactInvited event that sent it), which client `clientId` sent (null for a link minted before
 * links named their client: schema version 1). The password's scrypt hash is encrypted, so the
 * history endpoint never shows it.
 */
export type ContactActivated = {
  type: 'ContactActivated';
  data: { contactId: string; invitationId: string; clientId: string | null; credential: EncryptedSecret };
};
/**
 * The email of an ACTIVATED contact is to become `email` once its owner confirms it through the
 * verification link of request `requestId` (valid until `expiresAt`). Until then the contact keeps
 * `previousEmail`, which signs it in and gets a notice. A later request supersedes this one.
 */
export type ContactEmailChangeRequested = {
  type: 'ContactEmailChangeRequested';
  data: { contactId: string; requestId: string; email: string; previousEmail: string; expiresAt: string };
};
/** Request `requestId` was confirmed through its link: the contact's email is now `email`. */
export type ContactEmailChanged = {
  type: 'ContactEmailChanged';
  data: { contactId: string; requestId: string; email: string; previousEmail: string };
};
/** The pending email change withdrawn (its address set back to the current one): its link is void. */
export type ContactEmailChangeCancelled = {
  type: 'ContactEmailChangeCancelled';
  data: { contactId: string; requestId: string };
};
export type ContactEvent =
  | ContactCreated
  | ContactDetailsChanged
  | ContactActivated
  | ContactEmailChangeRequested
  | ContactEmailChanged
  | ContactEmailChangeCancelled;

/** `holderRevision`: the contact's stream revision when it reserved (-1: a contact about to be created). */
export type ContactEmailReserved = {
  type: 'ContactEmailReserved';
  data: { contactId: string; email: string; reservedAt: string; holderRevision: number };
};
export type ContactEmailEvent = ContactEmailReserved;
