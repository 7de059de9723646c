import type { Document } from '@dossiers/read-store';

/**
 * One folder of a client with everyone's rights on it, derived from the permission model: what
 * the folder routes read to authorise a request and to list folders, in one point read.
 * `own` and `effective` hold one character per principal slot (see permission-model.ts): `own` is
 * the right the folder itself gives ('.' when it inherits), `effective` the resulting access
 * ('n', 'r', 'f'; '-' for a slot whose principal has left).
 */
export interface FolderAccessDoc extends Document {
  /** `${clientId}:${folderId}` */
  _id: string;
  tenant: string;
  clientId: string;
  folderId: string;
  name: string;
  /** names from the root joined by '/' */
  path: string;
  /** sorts a tree in reading order: each folder right before its subfolders, siblings by name */
  sortKey: string;
  depth: number;
  parentId: string | null;
  /** nearest first */
  ancestorIds: string[];
  own: string;
  effective: string;
}

/** A principal of a client (a contact, or a collaborator assigned to it) and their slot. */
export interface ClientMemberDoc extends Document {
  /** `${clientId}:${principalId}` */
  _id: string;
  tenant: string;
  clientId: string;
  principalId: string;
  kind: 'contact' | 'collaborator';
  /** a collaborator's client-level access; null for a contact */
  access: 'none' | 'read' | 'full' | null;
  /** whether the client exists for them: a contact always, a collaborator unless their access is none */
  visible: boolean;
  slot: number;
}

export const FOLDER_ACCESS_COLLECTION = 'folder_access';
export const CLIENT_MEMBERS_COLLECTION = 'client_members';

export const folderAccessId = (clientId: string, folderId: string) => `${clientId}:${folderId}`;
export const clientMemberId = (clientId: string, principalId: string) => `${clientId}:${principalId}`;
