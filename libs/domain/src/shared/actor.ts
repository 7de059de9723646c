/**
 * Who runs a command: the holder of the request's token (the HTTP side calls it the principal),
 * as the domain sees them. The one list of roles; the token's `role` claim is one of these.
 */
export const ROLES = ['admin', 'collaborator', 'contact', 'auditor', 'service'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: string;
  role: Role;
}

/**
 * The roles that see every client of the firm without belonging to any: administrators,
 * auditors (who only read) and services. The other two reach a client only as one of its
 * members (client-access.ts): a collaborator assigned to it, a contact attached to it.
 */
export const FIRM_WIDE_ROLES: readonly Role[] = ['admin', 'auditor', 'service'];

export const isFirmWide = (role: Role): boolean => FIRM_WIDE_ROLES.includes(role);
