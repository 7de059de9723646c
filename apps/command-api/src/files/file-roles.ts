import { WRITER_ROLES, type Role } from '@dossiers/platform';

/** Contacts publish files too (where they have full access); the decider checks each folder's right. */
export const FILE_WRITER_ROLES: Role[] = [...WRITER_ROLES, 'contact'];
