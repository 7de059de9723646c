import type { ClientEvent, FolderRight } from '@dossiers/events';
import type { Actor } from '../shared/actor';
import { NotFoundError } from '../shared/domain-errors';
import { childrenByParent, descendantsOf } from '../folders/folder-tree';
import { effectiveRight, type Member } from '../folders/folder-rights';
import { assertMayManageFolder, folderRightOf, membersOf, visibleClient } from './client-access';
import { folderOrNotFound, type ActiveClient, type ClientState } from './client.state';

/**
 * Commands on the rights the client's members have on its folders; the actor's own rights are
 * checked here. `principalId(s)` name members (client-access.ts): the public name of the field.
 */
export type SetFolderPermission = {
  type: 'SetFolderPermission';
  clientId: string;
  folderId: string;
  principalId: string;
  right: FolderRight;
  actor: Actor;
};
/** Copies the folder's effective rights for `principalIds` (default: every member) onto every descendant. */
export type CascadePermissions = {
  type: 'CascadePermissions';
  clientId: string;
  folderId: string;
  principalIds?: string[];
  actor: Actor;
};
export type FolderRightsCommand = SetFolderPermission | CascadePermissions;

/** Rights go to the client's members only; the code stays PRINCIPAL_NOT_FOUND, which callers know. */
function memberNamed(client: ActiveClient, memberId: string): Member {
  const member = membersOf(client).find((m) => m.id === memberId);
  if (!member) throw new NotFoundError('principal', memberId);
  return member;
}

function setFolderPermission(command: SetFolderPermission, state: ClientState): ClientEvent[] {
  const client = visibleClient(state, command.clientId, command.actor);
  const { clientId, folderId, principalId, right } = command;
  const folder = folderOrNotFound(client, folderId);
  assertMayManageFolder(client, folderId, command.actor);
  memberNamed(client, principalId);
  const current = Object.hasOwn(folder.rights, principalId) ? folder.rights[principalId] : undefined;
  if (current === right) return [];
  return [{ type: 'FolderPermissionSet', data: { clientId, folderId, principalId, right } }];
}

/** One event lists the descendants whose rights change; descendants already equal are left out. */
function cascadePermissions(command: CascadePermissions, state: ClientState): ClientEvent[] {
  const client = visibleClient(state, command.clientId, command.actor);
  const { clientId, folderId } = command;
  folderOrNotFound(client, folderId);
  assertMayManageFolder(client, folderId, command.actor);
  // By default every member with access to the client: pinning `none` for a collaborator
  // shut out for now would hide these folders from them once they are assigned again.
  const members = command.principalIds
    ? [...new Set(command.principalIds)].map((id) => memberNamed(client, id))
    : membersOf(client).filter((m) => m.kind === 'contact' || m.clientAccess !== 'none');
  const rights = Object.fromEntries(members.map((m) => [m.id, effectiveRight(client.folders, folderId, m)]));
  // Only the folders the actor may manage: a subfolder closed to them is not theirs to reopen.
  const changed = descendantsOf(client.folders, folderId, childrenByParent(client.folders))
    .filter((folder) => folderRightOf(client, folder.folderId, command.actor) === 'full')
    .filter((folder) => members.some((m) => folder.rights[m.id] !== rights[m.id]))
    .map((folder) => folder.folderId);
  if (changed.length === 0) return [];
  return [{ type: 'FolderPermissionsCascaded', data: { clientId, folderId, rights, folderIds: changed } }];
}

export function decideFolderRights(command: FolderRightsCommand, state: ClientState): ClientEvent[] {
  switch (command.type) {
    case 'SetFolderPermission':
      return setFolderPermission(command, state);
    case 'CascadePermissions':
      return cascadePermissions(command, state);
  }
}
