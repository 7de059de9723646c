import type { Role } from '@dossiers/domain';
export { ROLES, type Role } from '@dossiers/domain';

/** Who is calling, from the verified JWT: `sub` (principal id), `tenant` (firm id), `role`. */
export interface Principal {
  sub: string;
  tenant: string;
  role: Role;
}

/** Roles allowed to change things (commands); auditors and contacts only read. */
export const WRITER_ROLES: Role[] = ['admin', 'collaborator', 'service'];
/** Roles that see the whole firm's client base (contacts will be scoped to their own clients). */
export const STAFF_READER_ROLES: Role[] = ['admin', 'collaborator', 'auditor', 'service'];
