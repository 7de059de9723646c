import type { ClientEvent, FileContent } from '@dossiers/events';
import { NotFoundError, RuleViolationError } from '../shared/domain-errors';
import { fileFormat } from '../files/file-name';
import type { Actor } from '../shared/actor';
import { assertFolderRight, visibleClient } from './client-access';
import type { ActiveClient, ClientState } from './client.state';

/**
 * Commands on a client's files. The bytes are already in the blob store (under content.blobId);
 * these decide whether they become part of the client. Names arrive sanitised (checkFileName).
 */
export type UploadFile = {
  type: 'UploadFile';
  clientId: string;
  fileId: string;
  folderId: string;
  name: string;
  content: FileContent;
  actor: Actor;
};
export type UploadFileVersion = {
  type: 'UploadFileVersion';
  clientId: string;
  fileId: string;
  content: FileContent;
  actor: Actor;
};
/** Rename and/or move; a move needs full access on both folders. */
export type UpdateFile = {
  type: 'UpdateFile';
  clientId: string;
  fileId: string;
  name?: string;
  folderId?: string;
  actor: Actor;
};
export type DeleteFile = { type: 'DeleteFile'; clientId: string; fileId: string; actor: Actor };
export type FileCommand = UploadFile | UploadFileVersion | UpdateFile | DeleteFile;

/** A file in a folder the actor cannot see does not exist for them. */
function visibleFile(client: ActiveClient, fileId: string, actor: Actor) {
  const file = client.files[fileId];
  if (!file) throw new NotFoundError('file', fileId);
  try {
    assertFolderRight(client, file.folderId, actor, 'read');
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError('file', fileId);
    throw error;
  }
  return file;
}

function uploadFile(command: UploadFile, state: ClientState): ClientEvent[] {
  const client = visibleClient(state, command.clientId, command.actor);
  const { clientId, fileId, folderId, name, content } = command;
  const existing = client.files[fileId];
  // The same id again is a retry (Idempotency-Key): done when it is the same content.
  if (existing) {
    if (existing.blobId === content.blobId || existing.sha256 === content.sha256) return [];
    throw new RuleViolationError('FILE_ALREADY_EXISTS', `File ${fileId} already exists`);
  }
  assertFolderRight(client, folderId, command.actor, 'full');
  return [
    {
      type: 'FileUploaded',
      data: { clientId, fileId, folderId, name, format: fileFormat(name), version: 1, ...content },
    },
  ];
}

function uploadFileVersion(command: UploadFileVersion, state: ClientState): ClientEvent[] {
  const client = visibleClient(state, command.clientId, command.actor);
  const file = visibleFile(client, command.fileId, command.actor);
  if (file.blobId === command.content.blobId) return [];
  assertFolderRight(client, file.folderId, command.actor, 'full');
  const { clientId, fileId, content } = command;
  return [{ type: 'FileVersionUploaded', data: { clientId, fileId, version: file.version + 1, ...content } }];
}

function updateFile(command: UpdateFile, state: ClientState): ClientEvent[] {
  const client = visibleClient(state, command.clientId, command.actor);
  const file = visibleFile(client, command.fileId, command.actor);
  assertFolderRight(client, file.folderId, command.actor, 'full');
  const { clientId, fileId } = command;
  const events: ClientEvent[] = [];
  if (command.folderId !== undefined && command.folderId !== file.folderId) {
    assertFolderRight(client, command.folderId, command.actor, 'full');
    events.push({ type: 'FileMoved', data: { clientId, fileId, folderId: command.folderId } });
  }
  if (command.name !== undefined && command.name !== file.name)
    events.push({
      type: 'FileRenamed',
      data: { clientId, fileId, name: command.name, format: fileFormat(command.name) },
    });
  return events;
}

function deleteFile(command: DeleteFile, state: ClientState): ClientEvent[] {
  const client = visibleClient(state, command.clientId, command.actor);
  const file = visibleFile(client, command.fileId, command.actor);
  assertFolderRight(client, file.folderId, command.actor, 'full');
  return [{ type: 'FileDeleted', data: { clientId: command.clientId, fileId: command.fileId } }];
}

export function decideFileCommand(command: FileCommand, state: ClientState): ClientEvent[] {
  switch (command.type) {
    case 'UploadFile':
      return uploadFile(command, state);
    case 'UploadFileVersion':
      return uploadFileVersion(command, state);
    case 'UpdateFile':
      return updateFile(command, state);
    case 'DeleteFile':
      return deleteFile(command, state);
  }
}
