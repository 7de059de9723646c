import type { Role } from '@dossiers/domain';
export { FIRM_WIDE_ROLES, ROLES, type Role } from '@dossiers/domain';

/** Who is calling, from the verified JWT: `sub` (principal id), `tenant` (firm id), `role`. */
export interface Principal {
  sub: string;
  tenant: string;
  role: Role;
}

/** Roles allowed to change things (commands); auditors and contacts only read. */
export const WRITER_ROLES: Role[] = ['admin', 'collaborator', 'service'];
/**
 * The firm's own people: every role but its clients' contacts (the default of a query route). Not
 * FIRM_WIDE_ROLES (admin, auditor, service: those who see the whole firm without folder rights).
 */
export const FIRM_ROLES: Role[] = ['admin', 'collaborator', 'auditor', 'service'];
