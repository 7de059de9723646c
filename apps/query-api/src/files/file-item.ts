import type { ClientFileDoc } from '@dossiers/read-models';

/** A file as the file routes show it: its details and versions, never the blobs they are stored in. */
export const fileItem = (f: ClientFileDoc) => ({
  id: f.fileId,
  folderId: f.folderId,
  name: f.name,
  format: f.format,
  size: f.size,
  sha256: f.sha256,
  contentType: f.contentType,
  version: f.version,
  createdBy: f.createdBy,
  createdAt: f.createdAt,
  updatedBy: f.updatedBy,
  updatedAt: f.updatedAt,
  versions: f.versions.map(({ blobId: _blobId, ...version }) => version),
});

export type FileItemView = ReturnType<typeof fileItem>;
