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
  /** the last event of the client's stream: staff see it */
  updatedAt: string;
  /**
   * the last change of what every member sees of the client (name, group, attributes, sheet
   * fields): collaborators and contacts see this one, which work in folders hidden from them
   * never moves
   */
  sheetUpdatedAt: string;
  /** the client stream's revision this document reflects (the client's ETag, for staff) */
  revision: number;
}

export const CLIENTS_COLLECTION = 'clients';
