import type { Access } from '@dossiers/events';
import { ForbiddenError, NotFoundError } from '../shared/domain-errors';
import { atLeast, effectiveRight, type Member } from '../folders/folder-rights';
import { isFirmWide, type Actor } from '../shared/actor';
import { activeOrNotFound, type ActiveClient, type ClientState } from './client.state';

/**
 * The actor as a member of this client; null for the firm-wide roles (FIRM_WIDE_ROLES), who see
 * and may change everything (auditors only read: their role never reaches a command).
 */
export function memberOf(client: ActiveClient, actor: Actor): Member | null {
  if (isFirmWide(actor.role)) return null;
  if (actor.role === 'contact') return { id: actor.id, kind: 'contact' };
  const clientAccess = Object.hasOwn(client.collaborators, actor.id)
    ? client.collaborators[actor.id]
    : 'none';
  return { id: actor.id, kind: 'collaborator', clientAccess };
}

/** The client's members: its contacts, and the collaborators assigned to it (whatever their access). */
export function membersOf(client: ActiveClient): Member[] {
  return [
    ...Object.keys(client.contacts).map((id): Member => ({ id, kind: 'contact' })),
    ...Object.entries(client.collaborators).map(([id, clientAccess]): Member => ({
      id,
      kind: 'collaborator',
      clientAccess,
    })),
  ];
}

/**
 * The client as the actor may see it: a collaborator whose access is none, or a contact who does
 * not belong to it, gets the same 404 as for a client that does not exist.
 */
export function visibleClient(state: ClientState, clientId: string, actor: Actor): ActiveClient {
  const client = activeOrNotFound(state, clientId);
  const member = memberOf(client, actor);
  const hidden =
    (member?.kind === 'collaborator' && member.clientAccess === 'none') ||
    (member?.kind === 'contact' && !Object.hasOwn(client.contacts, actor.id));
  if (hidden) throw new NotFoundError('client', clientId);
  return client;
}

/**
 * For the client-level commands (its info, contacts, collaborators, tree, connectors, forms,
 * deletion): the firm-wide roles, and collaborators with full access to the client; contacts never.
 */
export function assertMayChangeClient(state: ClientState, clientId: string, actor: Actor): ActiveClient {
  const client = visibleClient(state, clientId, actor);
  const member = memberOf(client, actor);
  if (member?.kind === 'contact') throw new ForbiddenError('FORBIDDEN', 'Contacts cannot change the client');
  if (member?.kind === 'collaborator' && member.clientAccess !== 'full')
    throw new ForbiddenError('FORBIDDEN', 'Changing the client needs full access to it');
  return client;
}

/** The actor's effective right on a folder: full for the firm-wide roles. */
export function folderRightOf(client: ActiveClient, folderId: string, actor: Actor): Access {
  const member = memberOf(client, actor);
  return member ? effectiveRight(client.folders, folderId, member) : 'full';
}

/**
 * A folder the actor cannot see does not exist for them (404); one they see with too low a right
 * answers 403.
 */
export function assertFolderRight(
  client: ActiveClient,
  folderId: string,
  actor: Actor,
  needed: Access,
): void {
  if (!Object.hasOwn(client.folders, folderId)) throw new NotFoundError('folder', folderId);
  const right = folderRightOf(client, folderId, actor);
  if (right === 'none') throw new NotFoundError('folder', folderId);
  if (!atLeast(right, needed))
    throw new ForbiddenError('FORBIDDEN', `This needs ${needed} access to folder ${folderId}`);
}

/**
 * What a collaborator may do to the whole client or to everyone on it (delete it, assign other
 * collaborators) only when no folder of it is closed or read-only to them: otherwise it would reach,
 * or open to someone else, what the firm kept from them. The firm-wide roles always may.
 */
export function assertFullEverywhere(client: ActiveClient, actor: Actor): void {
  if (memberOf(client, actor)?.kind !== 'collaborator') return;
  const short = Object.keys(client.folders).some((id) => folderRightOf(client, id, actor) !== 'full');
  if (short) throw new ForbiddenError('FORBIDDEN', 'Some folders of this client are not yours');
}

/**
 * Shaping the tree and its rights (create, rename, move, delete folders; set and cascade rights)
 * is the firm's work: the firm-wide roles, or a collaborator with full access to the folder
 * concerned (for the root, to the client). Contacts never, even with full access, which lets them
 * publish files only.
 */
export function assertMayManageFolder(client: ActiveClient, folderId: string | null, actor: Actor): void {
  const member = memberOf(client, actor);
  if (member?.kind === 'contact') {
    if (folderId !== null) assertFolderRight(client, folderId, actor, 'read');
    throw new ForbiddenError('FORBIDDEN', 'Contacts cannot change folders or rights');
  }
  if (folderId === null) {
    if (member && member.clientAccess !== 'full')
      throw new ForbiddenError('FORBIDDEN', 'Adding a root folder needs full access to the client');
    return;
  }
  assertFolderRight(client, folderId, actor, 'full');
}
