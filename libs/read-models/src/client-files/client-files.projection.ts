import { normalizeText } from '@dossiers/domain';
import type { ClientEvent, RecordedEvent } from '@dossiers/events';
import { defineProjection } from '../projection/projection';
import { CLIENT_FILES_COLLECTION, clientFileId, type ClientFileDoc } from './client-file.document';

type ClientRecorded = RecordedEvent<ClientEvent['type']> & ClientEvent;

/**
 * Files, one document each. A deleted folder's files are deleted by their own events first; a
 * deleted client's file documents stay, unreachable (every file route goes through its client),
 * like their bytes: nothing a user wrote is destroyed by deleting a client.
 */
export function evolveClientFile(doc: ClientFileDoc | null, recorded: RecordedEvent): ClientFileDoc | null {
  const event = recorded as ClientRecorded;
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
    default:
      return doc;
  }
}

export const clientFilesProjection = defineProjection<ClientFileDoc>({
  name: 'client-files',
  collection: CLIENT_FILES_COLLECTION,
  handles: new Set<ClientEvent['type']>([
    'FileUploaded',
    'FileVersionUploaded',
    'FileRenamed',
    'FileMoved',
    'FileDeleted',
  ]),
  documentId: (event) => {
    const { clientId, fileId } = event.data as { clientId: string; fileId: string };
    return clientFileId(clientId, fileId);
  },
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
