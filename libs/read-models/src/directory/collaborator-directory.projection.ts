import type { CollaboratorEvent } from '@dossiers/events';
import type { Document } from '@dossiers/read-store';
import { defineProjection, idFrom, type Recorded } from '../projection/projection';
import { personNameSort, personSearchText } from './person-text';

/** One collaborator of the firm, as the directory lists it. */
export interface CollaboratorDoc extends Document {
  /** the collaborator id */
  _id: string;
  tenant: string;
  firstName: string;
  lastName: string;
  email: string;
  /** last name, then first name, normalised: the list's order */
  nameSort: string;
  /** normalised names and email, which `search` matches with $contains */
  searchText: string;
  createdAt: string;
  updatedAt: string;
  /** the collaborator stream's revision this document reflects */
  revision: number;
}

export const COLLABORATORS_COLLECTION = 'collaborators';

/** Both events (registered, details changed) carry every detail, so either one rebuilds the document whole. */
function evolveCollaboratorDirectory(
  doc: CollaboratorDoc | null,
  event: Recorded<CollaboratorEvent>,
): CollaboratorDoc {
  const { collaboratorId, firstName, lastName, email } = event.data;
  const at = event.metadata.occurredAt;
  return {
    _id: collaboratorId,
    tenant: doc?.tenant ?? event.metadata.tenant,
    firstName,
    lastName,
    email,
    nameSort: personNameSort(firstName, lastName),
    searchText: personSearchText(firstName, lastName, email),
    createdAt: doc?.createdAt ?? at,
    updatedAt: at,
    revision: event.revision,
  };
}

export const collaboratorDirectoryProjection = defineProjection<CollaboratorDoc, CollaboratorEvent>({
  name: 'collaborator-directory',
  collection: COLLABORATORS_COLLECTION,
  canHandle: ['CollaboratorRegistered', 'CollaboratorDetailsChanged'],
  documentId: idFrom('collaboratorId'),
  evolve: evolveCollaboratorDirectory,
  // Ends with _id (the tie-breaker) and searchText, so a search, its sort and its total are
  // answered from index entries alone.
  indexes: [
    {
      name: 'tenant_name',
      fields: [
        ['tenant', 1],
        ['nameSort', 1],
        ['_id', 1],
        ['searchText', 1],
      ],
    },
  ],
});
