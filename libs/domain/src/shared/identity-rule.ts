import type { Role } from './actor';
import { ForbiddenError } from './domain-errors';

/**
 * Who may change a person's identity (first and last name, email): the firm's administrators and
 * its services. A contact signs in with its email and receives its links there, so whoever may
 * change it may take the contact over; a collaborator's name and email are the firm's records
 * of its people. The rule depends on the actor's role alone, never on which clients the person belongs
 * to, so that a refusal reveals nothing about them.
 */
export const IDENTITY_EDITOR_ROLES: readonly Role[] = ['admin', 'service'];

export const mayChangeIdentity = (role: Role): boolean => IDENTITY_EDITOR_ROLES.includes(role);

/** 403 IDENTITY_CHANGE_FORBIDDEN naming `fields` unless the role may change them (nothing to check when empty). */
export function assertMayChangeIdentity(role: Role, fields: readonly string[], whose: string): void {
  if (fields.length === 0 || mayChangeIdentity(role)) return;
  throw new ForbiddenError(
    'IDENTITY_CHANGE_FORBIDDEN',
    `${fields.join(', ')}: only an administrator or a service may change a ${whose}'s identity`,
  );
}
