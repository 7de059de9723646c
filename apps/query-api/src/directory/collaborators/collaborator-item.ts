import type { CollaboratorDoc } from '@dossiers/read-models';

/** A collaborator as the directory shows them: the list's rows and the details. */
export interface CollaboratorItem {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  createdAt: string;
  updatedAt: string;
}

export function toCollaboratorItem(doc: CollaboratorDoc): CollaboratorItem {
  const { _id: id, firstName, lastName, email, createdAt, updatedAt } = doc;
  return { id, firstName, lastName, email, createdAt, updatedAt };
}
