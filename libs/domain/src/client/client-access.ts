import type { Access } from '@dossiers/events';
import { ForbiddenError, NotFoundError } from '../shared/domain-errors';
import { atLeast, effectiveRight, type Principal } from '../folders/folder-rights';
import type { ActiveClient, ClientState } from './client.state';

/** Who runs a command, from their token. */
export type ActorRole = 'admin' | 'collaborator' | 'contact' | 'auditor' | 'service';
export interface Actor {
  id: string;
  role: ActorRole;
}

/**
 * The actor as a principal of this client; null for the firm's administrators and services, who
 * see and may change everything (auditors only read: their role never reaches a command).
 */
export function principalOf(client: ActiveClient, actor: Actor): Principal | null {
  if (actor.role === 'collaborator') {
    const clientAccess = Object.hasOwn(client.collaborators, actor.id)
      ? client.collaborators[actor.id]
      : 'none';
    return { id: actor.id, kind: 'collaborator', clientAccess };
  }
  if (actor.role === 'contact') return { id: actor.id, kind: 'contact' };
  return null;
}

/**
 * The client as the actor may see it: a collaborator whose access is none, or a contact who does
 * not belong to it, gets the same 404 as for a client that does not exist.
 */
export function visibleClient(state: ClientState, clientId: string, actor: Actor): ActiveClient {
  if (state.status !== 'active') throw new NotFoundError('client', clientId);
  const principal = principalOf(state, actor);
  const hidden =
    (principal?.kind === 'collaborator' && principal.clientAccess === 'none') ||
    (principal?.kind === 'contact' && !Object.hasOwn(state.contacts, actor.id));
  if (hidden) throw new NotFoundError('client', clientId);
  return state;
}

/**
 * For the client-level commands (its info, contacts, collaborators, tree, connectors, forms,
 * deletion): staff with full access to the client; contacts never.
 */
export function assertMayChangeClient(state: ClientState, clientId: string, actor: Actor): ActiveClient {
  const client = visibleClient(state, clientId, actor);
  const principal = principalOf(client, actor);
  if (principal?.kind === 'contact')
    throw new ForbiddenError('FORBIDDEN', 'Contacts cannot change the client');
  if (principal?.kind === 'collaborator' && principal.clientAccess !== 'full')
    throw new ForbiddenError('FORBIDDEN', 'Changing the client needs full access to it');
  return client;
}

/** The actor's effective right on a folder: full for staff. */
export function folderRightOf(client: ActiveClient, folderId: string, actor: Actor): Access {
  const principal = principalOf(client, actor);
  return principal ? effectiveRight(client.folders, folderId, principal) : 'full';
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
 * Shaping the tree and its rights (create, rename, move, delete folders; set and cascade rights)
 * is the firm's work: staff, or a collaborator with full access to the folder concerned (for the
 * root, to the client). Contacts never, even with full access, which lets them publish files only.
 */
export function assertMayManageFolder(client: ActiveClient, folderId: string | null, actor: Actor): void {
  const principal = principalOf(client, actor);
  if (principal?.kind === 'contact') {
    if (folderId !== null) assertFolderRight(client, folderId, actor, 'read');
    throw new ForbiddenError('FORBIDDEN', 'Contacts cannot change folders or rights');
  }
  if (folderId === null) {
    if (principal && principal.clientAccess !== 'full')
      throw new ForbiddenError('FORBIDDEN', 'Adding a root folder needs full access to the client');
    return;
  }
  assertFolderRight(client, folderId, actor, 'full');
}
