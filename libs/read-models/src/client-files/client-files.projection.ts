import { normalizeText } from '@dossiers/domain';
import type { ClientEvent } from '@dossiers/events';
import { defineProjection, type Handled, type Recorded } from '../projection/projection';
import { CLIENT_FILES_COLLECTION, clientFileId, type ClientFileDoc } from './client-file.document';

const FILE_EVENTS = [
  'FileUploaded',
  'FileVersionUploaded',
  'FileRenamed',
  'FileMoved',
  'FileDeleted',
] as const satisfies readonly ClientEvent['type'][];
type FileEvent = Handled<ClientEvent, typeof FILE_EVENTS>;

/**
 * Files, one document each. A deleted folder's files are deleted by their own events first; a
 * deleted client's file documents stay, unreachable (every file route goes through its client),
 * like their bytes: nothing a user wrote is destroyed by deleting a client.
 */
function evolveClientFile(doc: ClientFileDoc | null, event: Recorded<FileEvent>): ClientFileDoc | null {
  const { actor, occurredAt } = event.metadata;
  if (event.type === 'FileUploaded') {
    const { clientId, fileId, folderId, name, format, version, size, sha256, contentType, blobId } =
      event.data;
    return {
      _id: clientFileId(clientId, fileId),
      tenant: event.metadata.tenant,
      clientId,
      fileId,
      folderId,
      name,
      nameSort: normalizeText(name),
      format,
      version,
      size,
      sha256,
      contentType,
      blobId,
      createdBy: actor,
      createdAt: occurredAt,
      updatedBy: actor,
      updatedAt: occurredAt,
      versions: [{ version, size, sha256, contentType, blobId, uploadedBy: actor, uploadedAt: occurredAt }],
      revision: event.revision,
    };
  }
  if (!doc) return null;
  const touched = { updatedBy: actor, updatedAt: occurredAt, revision: event.revision };
  switch (event.type) {
    case 'FileVersionUploaded': {
      const { version, size, sha256, contentType, blobId } = event.data;
      const entry = { version, size, sha256, contentType, blobId, uploadedBy: actor, uploadedAt: occurredAt };
      return {
        ...doc,
        ...touched,
        version,
        size,
        sha256,
        contentType,
        blobId,
        versions: [...doc.versions, entry],
      };
    }
    case 'FileRenamed':
      return {
        ...doc,
        ...touched,
        name: event.data.name,
        nameSort: normalizeText(event.data.name),
        format: event.data.format,
      };
    case 'FileMoved':
      return { ...doc, ...touched, folderId: event.data.folderId };
    case 'FileDeleted':
      return null;
  }
}

export const clientFilesProjection = defineProjection<ClientFileDoc, FileEvent>({
  name: 'client-files',
  collection: CLIENT_FILES_COLLECTION,
  canHandle: FILE_EVENTS,
  documentId: (event) => clientFileId(event.data.clientId, event.data.fileId),
  evolve: evolveClientFile,
  indexes: [
    {
      name: 'folder_files',
      fields: [
        ['clientId', 1],
        ['folderId', 1],
        ['nameSort', 1],
        ['fileId', 1],
      ],
    },
  ],
});
