import type { Document } from '@dossiers/read-store';

export interface FileVersionEntry {
  version: number;
  size: number;
  sha256: string;
  contentType: string;
  blobId: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** A file of a client's folder: its current version and the ones before. */
export interface ClientFileDoc extends Document {
  /** `${clientId}:${fileId}`: ids derived from an Idempotency-Key may meet again in another client */
  _id: string;
  tenant: string;
  clientId: string;
  fileId: string;
  folderId: string;
  name: string;
  nameSort: string;
  /** the extension, lower case, without the dot ('' when none) */
  format: string;
  /** the current version's content */
  version: number;
  size: number;
  sha256: string;
  contentType: string;
  blobId: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  /** every version, oldest first; the last one is the current one */
  versions: FileVersionEntry[];
  /** the client stream's revision this document reflects */
  revision: number;
}

export const CLIENT_FILES_COLLECTION = 'client_files';

export const clientFileId = (clientId: string, fileId: string) => `${clientId}:${fileId}`;
