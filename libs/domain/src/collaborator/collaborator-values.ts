import type { Checked } from '../shared/checked';
import { checkEmail, checkFields, checkPersonName } from '../contact/contact-values';

export interface CollaboratorDetails {
  firstName: string;
  lastName: string;
  /** trimmed and lower-cased */
  email: string;
}

const COLLABORATOR_CHECKS = { firstName: checkPersonName, lastName: checkPersonName, email: checkEmail };

/** A new collaborator: {firstName, lastName, email}; errors collected, each naming `${prefix}.field`. */
export function checkCollaboratorDetails(raw: unknown, prefix: string): Checked<CollaboratorDetails> {
  return checkFields<CollaboratorDetails>(raw, prefix, COLLABORATOR_CHECKS, { partial: false });
}

/** A PATCH of a collaborator: every field optional. */
export function checkCollaboratorChanges(
  raw: unknown,
  prefix: string,
): Checked<Partial<CollaboratorDetails>> {
  return checkFields<CollaboratorDetails>(raw, prefix, COLLABORATOR_CHECKS, { partial: true });
}
