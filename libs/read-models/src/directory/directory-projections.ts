import type { Projection } from '../projection/projection';
import { collaboratorDirectoryProjection } from './collaborator-directory.projection';
import { contactDirectoryProjection } from './contact-directory.projection';

export * from './collaborator-directory.projection';
export * from './contact-directory.projection';

/** Read models of the firm's directory (collaborators, contacts). */
export const DIRECTORY_PROJECTIONS: readonly Projection[] = [
  collaboratorDirectoryProjection,
  contactDirectoryProjection,
];
