import type { Attributes } from '@dossiers/events';
import type { Document } from '@dossiers/read-store';

/** One client of the firm's client base: the list row and the client sheet. */
export interface ClientListDoc extends Document {
  /** the client id */
  _id: string;
  tenant: string;
  name: string;
  /** normalizeText(name): the sort key, so "école" sorts beside "Ecole" */
  nameSort: string;
  /** normalised text that `search` matches with $contains */
  searchText: string;
  groupId: string | null;
  attributes: Attributes;
  membersCount: number;
  directoriesCount: number;
  createdAt: string;
  updatedAt: string;
  /** the client stream's revision this document reflects (the client's ETag) */
  revision: number;
}

export const CLIENTS_COLLECTION = 'clients';
