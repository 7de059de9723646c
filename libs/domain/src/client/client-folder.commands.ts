import type { Access, ClientEvent } from '@dossiers/events';
import type { Actor } from '../shared/actor';
import { validOrThrow } from '../shared/checked';
import { ForbiddenError, RuleViolationError } from '../shared/domain-errors';
import { checkFolderSegment, FOLDER_MAX_DEPTH } from '../folders/folder-name';
import {
  ancestorsOf,
  CLIENT_MAX_FOLDERS,
  depthOf,
  descendantsOf,
  heightOf,
  siblingNamed,
} from '../folders/folder-tree';
import { assertMayManageFolder, folderRightOf, visibleClient } from './client-access';
import { folderOrNotFound, type ActiveClient, type ClientState } from './client.state';
import { decideFolderRights, type FolderRightsCommand } from './client-folder-rights.commands';

/** Commands on the shape of a client's folder tree; the actor's own rights are checked here. */
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
/** The folder commands: the tree's shape (here) and its rights (client-folder-rights.commands.ts). */
export type FolderCommand = CreateFolder | UpdateFolder | DeleteFolder | FolderRightsCommand;

const checkedName = (raw: string): string => validOrThrow(checkFolderSegment(raw, 'name'));

function assertFreeName(client: ActiveClient, parentId: string | null, name: string, except?: string) {
  if (siblingNamed(client.folders, parentId, name, except))
    throw new RuleViolationError('FOLDER_NAME_TAKEN', `A folder named "${name}" is already there`);
}

const tooDeep = () =>
  new RuleViolationError('FOLDER_TOO_DEEP', `Folders nest at most ${FOLDER_MAX_DEPTH} levels`);

/**
 * Moving or deleting a folder carries its subfolders along: a collaborator restricted inside the
 * client needs full access to each, or they would expose or destroy folders closed to them.
 */
function assertMayCarrySubtree(client: ActiveClient, folderIds: readonly string[], actor: Actor) {
  if (folderIds.some((id) => folderRightOf(client, id, actor) !== 'full'))
    throw new ForbiddenError('FORBIDDEN', 'Some subfolders are not yours to move or delete');
}

const subtreeOf = (client: ActiveClient, folderId: string) => [
  folderId,
  ...descendantsOf(client.folders, folderId).map((f) => f.folderId),
];

function createFolder(command: CreateFolder, state: ClientState): ClientEvent[] {
  const client = visibleClient(state, command.clientId, command.actor);
  const { clientId, folderId, parentId, contactDefault } = command;
  const existing = client.folders[folderId];
  // The same id again is a retry (Idempotency-Key): done if it is the same folder.
  if (existing) {
    if (existing.parentId === parentId && existing.name === checkedName(command.name)) return [];
    throw new RuleViolationError('FOLDER_ALREADY_EXISTS', `Folder ${folderId} already exists`);
  }
  if (parentId !== null) folderOrNotFound(client, parentId);
  assertMayManageFolder(client, parentId, command.actor);
  const name = checkedName(command.name);
  if (parentId !== null && depthOf(client.folders, parentId) + 1 >= FOLDER_MAX_DEPTH) throw tooDeep();
  if (Object.keys(client.folders).length >= CLIENT_MAX_FOLDERS)
    throw new RuleViolationError('TOO_MANY_FOLDERS', `A client has at most ${CLIENT_MAX_FOLDERS} folders`);
  assertFreeName(client, parentId, name);
  return [{ type: 'FolderCreated', data: { clientId, folderId, parentId, name, contactDefault } }];
}

/** The destination's right first: a folder hidden from the actor answers 404 before a rule describes it. */
function assertMayMove(client: ActiveClient, folderId: string, parentId: string | null, actor: Actor) {
  if (parentId !== null) folderOrNotFound(client, parentId);
  assertMayManageFolder(client, parentId, actor);
  assertMayCarrySubtree(client, subtreeOf(client, folderId), actor);
  if (parentId === null) return;
  if (parentId === folderId || ancestorsOf(client.folders, parentId).some((a) => a.folderId === folderId))
    throw new RuleViolationError('FOLDER_MOVE_CYCLE', 'A folder cannot move into itself or its subfolders');
  if (depthOf(client.folders, parentId) + 1 + heightOf(client.folders, folderId) > FOLDER_MAX_DEPTH)
    throw tooDeep();
}

function updateFolder(command: UpdateFolder, state: ClientState): ClientEvent[] {
  const client = visibleClient(state, command.clientId, command.actor);
  const { clientId, folderId } = command;
  const folder = folderOrNotFound(client, folderId);
  assertMayManageFolder(client, folderId, command.actor);
  const name = command.name === undefined ? folder.name : checkedName(command.name);
  const parentId = command.parentId === undefined ? folder.parentId : command.parentId;
  const events: ClientEvent[] = [];
  if (parentId !== folder.parentId) {
    assertMayMove(client, folderId, parentId, command.actor);
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
  folderOrNotFound(client, folderId);
  assertMayManageFolder(client, folderId, command.actor);
  const folderIds = subtreeOf(client, folderId);
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

export function decideFolderCommand(command: FolderCommand, state: ClientState): ClientEvent[] {
  switch (command.type) {
    case 'CreateFolder':
      return createFolder(command, state);
    case 'UpdateFolder':
      return updateFolder(command, state);
    case 'DeleteFolder':
      return deleteFolder(command, state);
    case 'SetFolderPermission':
    case 'CascadePermissions':
      return decideFolderRights(command, state);
  }
}
