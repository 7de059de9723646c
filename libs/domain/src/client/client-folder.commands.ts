import type { Access, ClientEvent, FolderRight } from '@dossiers/events';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../shared/domain-errors';
import { checkFolderName, FOLDER_MAX_DEPTH } from '../tree/folder-path';
import {
  ancestorsOf,
  CLIENT_MAX_FOLDERS,
  childrenByParent,
  depthOf,
  descendantsOf,
  heightOf,
  siblingNamed,
} from '../folders/folder-tree';
import { effectiveRight, type Principal } from '../folders/folder-rights';
import { assertMayManageFolder, folderRightOf, visibleClient, type Actor } from './client-access';
import type { ActiveClient, ClientState } from './client.state';

/** Commands on a client's folder tree and its rights; the actor's own rights are checked here. */
export type CreateFolder = {
  type: 'CreateFolder';
  clientId: string;
  folderId: string;
  parentId: string | null;
  name: string;
  /** from the firm's policy: `none` when new folders are locked for contacts, null to inherit */
  contactDefault: Access | null;
  actor: Actor;
};
/** Rename and/or move: `parentId` undefined keeps the parent, null moves to the root. */
export type UpdateFolder = {
  type: 'UpdateFolder';
  clientId: string;
  folderId: string;
  name?: string;
  parentId?: string | null;
  actor: Actor;
};
export type DeleteFolder = {
  type: 'DeleteFolder';
  clientId: string;
  folderId: string;
  recursive: boolean;
  actor: Actor;
};
export type SetFolderPermission = {
  type: 'SetFolderPermission';
  clientId: string;
  folderId: string;
  principalId: string;
  right: FolderRight;
  actor: Actor;
};
/** Copies the folder's effective rights for `principalIds` (default: every principal) onto every descendant. */
export type CascadePermissions = {
  type: 'CascadePermissions';
  clientId: string;
  folderId: string;
  principalIds?: string[];
  actor: Actor;
};
export type FolderCommand =
  CreateFolder | UpdateFolder | DeleteFolder | SetFolderPermission | CascadePermissions;

/** The client's principals: its contacts, and the collaborators assigned to it. */
export function principalsOf(client: ActiveClient): Principal[] {
  return [
    ...Object.keys(client.contacts).map((id): Principal => ({ id, kind: 'contact' })),
    ...Object.entries(client.collaborators).map(([id, clientAccess]): Principal => ({
      id,
      kind: 'collaborator',
      clientAccess,
    })),
  ];
}

function checkedName(raw: string): string {
  const problem = checkFolderName(raw);
  if (problem) throw new ValidationError([{ field: 'name', message: problem }]);
  return raw.normalize('NFC').trim();
}

function assertFreeName(client: ActiveClient, parentId: string | null, name: string, except?: string) {
  if (siblingNamed(client.folders, parentId, name, except))
    throw new RuleViolationError('FOLDER_NAME_TAKEN', `A folder named "${name}" is already there`);
}

/**
 * Moving or deleting a folder carries its subfolders along: a collaborator restricted inside the
 * client needs full access to each, or they would expose or destroy folders closed to them.
 */
function assertMayCarrySubtree(client: ActiveClient, folderIds: readonly string[], actor: Actor) {
  if (folderIds.some((id) => folderRightOf(client, id, actor) !== 'full'))
    throw new ForbiddenError('FORBIDDEN', 'Some subfolders are not yours to move or delete');
}

function existingFolder(client: ActiveClient, folderId: string) {
  const folder = client.folders[folderId];
  if (!folder) throw new NotFoundError('folder', folderId);
  return folder;
}

function createFolder(command: CreateFolder, state: ClientState): ClientEvent[] {
  const client = visibleClient(state, command.clientId, command.actor);
  const { clientId, folderId, parentId, contactDefault } = command;
  const existing = client.folders[folderId];
  // The same id again is a retry (Idempotency-Key): done if it is the same folder.
  if (existing) {
    if (existing.parentId === parentId && existing.name === checkedName(command.name)) return [];
    throw new RuleViolationError('FOLDER_ALREADY_EXISTS', `Folder ${folderId} already exists`);
  }
  if (parentId !== null) existingFolder(client, parentId);
  assertMayManageFolder(client, parentId, command.actor);
  const name = checkedName(command.name);
  if (parentId !== null && depthOf(client.folders, parentId) + 1 >= FOLDER_MAX_DEPTH)
    throw new RuleViolationError('FOLDER_TOO_DEEP', `Folders nest at most ${FOLDER_MAX_DEPTH} levels`);
  if (Object.keys(client.folders).length >= CLIENT_MAX_FOLDERS)
    throw new RuleViolationError('TOO_MANY_FOLDERS', `A client has at most ${CLIENT_MAX_FOLDERS} folders`);
  assertFreeName(client, parentId, name);
  return [{ type: 'FolderCreated', data: { clientId, folderId, parentId, name, contactDefault } }];
}

function updateFolder(command: UpdateFolder, state: ClientState): ClientEvent[] {
  const client = visibleClient(state, command.clientId, command.actor);
  const { clientId, folderId } = command;
  const folder = existingFolder(client, folderId);
  assertMayManageFolder(client, folderId, command.actor);
  const name = command.name === undefined ? folder.name : checkedName(command.name);
  const parentId = command.parentId === undefined ? folder.parentId : command.parentId;
  const events: ClientEvent[] = [];
  if (parentId !== folder.parentId) {
    // The destination's right first: a folder hidden from the actor answers 404 before a rule describes it.
    if (parentId !== null) existingFolder(client, parentId);
    assertMayManageFolder(client, parentId, command.actor);
    const subtree = [folderId, ...descendantsOf(client.folders, folderId).map((f) => f.folderId)];
    assertMayCarrySubtree(client, subtree, command.actor);
    if (parentId !== null) {
      if (parentId === folderId || ancestorsOf(client.folders, parentId).some((a) => a.folderId === folderId))
        throw new RuleViolationError(
          'FOLDER_MOVE_CYCLE',
          'A folder cannot move into itself or its subfolders',
        );
      if (depthOf(client.folders, parentId) + 1 + heightOf(client.folders, folderId) > FOLDER_MAX_DEPTH)
        throw new RuleViolationError('FOLDER_TOO_DEEP', `Folders nest at most ${FOLDER_MAX_DEPTH} levels`);
    }
    events.push({ type: 'FolderMoved', data: { clientId, folderId, parentId } });
  }
  if (name !== folder.name || parentId !== folder.parentId) assertFreeName(client, parentId, name, folderId);
  if (name !== folder.name) events.push({ type: 'FolderRenamed', data: { clientId, folderId, name } });
  return events;
}

/** Only an empty folder, unless recursive: then its subfolders and every file in them go too. */
function deleteFolder(command: DeleteFolder, state: ClientState): ClientEvent[] {
  const client = visibleClient(state, command.clientId, command.actor);
  const { clientId, folderId } = command;
  existingFolder(client, folderId);
  assertMayManageFolder(client, folderId, command.actor);
  const folderIds = [folderId, ...descendantsOf(client.folders, folderId).map((f) => f.folderId)];
  const inside = new Set(folderIds);
  const fileIds = Object.entries(client.files)
    .filter(([, file]) => inside.has(file.folderId))
    .map(([fileId]) => fileId);
  if (!command.recursive && (folderIds.length > 1 || fileIds.length > 0))
    throw new RuleViolationError(
      'FOLDER_NOT_EMPTY',
      'The folder has subfolders or files: delete with recursive=true',
    );
  assertMayCarrySubtree(client, folderIds, command.actor);
  return [
    ...fileIds.map((fileId): ClientEvent => ({ type: 'FileDeleted', data: { clientId, fileId } })),
    { type: 'FolderDeleted', data: { clientId, folderIds } },
  ];
}

function principalNamed(client: ActiveClient, principalId: string): Principal {
  const principal = principalsOf(client).find((p) => p.id === principalId);
  if (!principal) throw new NotFoundError('principal', principalId);
  return principal;
}

function setFolderPermission(command: SetFolderPermission, state: ClientState): ClientEvent[] {
  const client = visibleClient(state, command.clientId, command.actor);
  const { clientId, folderId, principalId, right } = command;
  const folder = existingFolder(client, folderId);
  assertMayManageFolder(client, folderId, command.actor);
  principalNamed(client, principalId);
  const current = Object.hasOwn(folder.rights, principalId) ? folder.rights[principalId] : undefined;
  if (current === right) return [];
  return [{ type: 'FolderPermissionSet', data: { clientId, folderId, principalId, right } }];
}

/** One event lists the descendants whose rights change; descendants already equal are left out. */
function cascadePermissions(command: CascadePermissions, state: ClientState): ClientEvent[] {
  const client = visibleClient(state, command.clientId, command.actor);
  const { clientId, folderId } = command;
  existingFolder(client, folderId);
  assertMayManageFolder(client, folderId, command.actor);
  // By default every principal with access to the client: pinning `none` for a collaborator
  // shut out for now would hide these folders from them once they are assigned again.
  const principals = command.principalIds
    ? [...new Set(command.principalIds)].map((id) => principalNamed(client, id))
    : principalsOf(client).filter((p) => p.kind === 'contact' || p.clientAccess !== 'none');
  const rights = Object.fromEntries(
    principals.map((p) => [p.id, effectiveRight(client.folders, folderId, p)]),
  );
  // Only the folders the actor may manage: a subfolder closed to them is not theirs to reopen.
  const changed = descendantsOf(client.folders, folderId, childrenByParent(client.folders))
    .filter((folder) => folderRightOf(client, folder.folderId, command.actor) === 'full')
    .filter((folder) => principals.some((p) => folder.rights[p.id] !== rights[p.id]))
    .map((folder) => folder.folderId);
  if (changed.length === 0) return [];
  return [{ type: 'FolderPermissionsCascaded', data: { clientId, folderId, rights, folderIds: changed } }];
}

export function decideFolderCommand(command: FolderCommand, state: ClientState): ClientEvent[] {
  switch (command.type) {
    case 'CreateFolder':
      return createFolder(command, state);
    case 'UpdateFolder':
      return updateFolder(command, state);
    case 'DeleteFolder':
      return deleteFolder(command, state);
    case 'SetFolderPermission':
      return setFolderPermission(command, state);
    case 'CascadePermissions':
      return cascadePermissions(command, state);
  }
}
