import type { Access, FolderRight } from '@dossiers/events';
import type { FolderNode, FolderTree } from './folder-tree';

/**
 * Who may do what in a client's folders. A member of the client is one of its contacts, or a
 * collaborator of the firm assigned to it (with their client-level access); each folder may set a
 * right for a member (none, read, full, or inherit), and a folder that sets none takes its
 * parent's effective right. At the root, a collaborator has their client-level access and a
 * contact has none. A right set lower than the parent's wins: a subfolder can be closed inside an
 * open folder. (Events, commands and routes name a member's id `principalId`: stored and public
 * names, kept as they are.)
 */
export type Member =
  { id: string; kind: 'contact' } | { id: string; kind: 'collaborator'; clientAccess: Access };

const ACCESS_ORDER: Record<Access, number> = { none: 0, read: 1, full: 2 };

export function atLeast(access: Access, needed: Access): boolean {
  return ACCESS_ORDER[access] >= ACCESS_ORDER[needed];
}

/**
 * The right this folder itself sets for the member, `inherit` meaning none is set. For a
 * contact without one, the folder's contact default (from its template or the locked policy).
 */
export function ownRight(node: FolderNode, member: Member): FolderRight {
  if (Object.hasOwn(node.rights, member.id)) return node.rights[member.id];
  if (member.kind === 'contact' && node.contactDefault !== null) return node.contactDefault;
  return 'inherit';
}

/** At the root, before any folder says otherwise. */
export function rootAccess(member: Member): Access {
  return member.kind === 'collaborator' ? member.clientAccess : 'none';
}

const parentOf = (tree: FolderTree, node: FolderNode): FolderNode | undefined =>
  node.parentId === null ? undefined : tree[node.parentId];

/** A collaborator whose client-level access is none cannot see the client at all, whatever a folder says. */
function shutOut(member: Member): boolean {
  return member.kind === 'collaborator' && member.clientAccess === 'none';
}

export function effectiveRight(tree: FolderTree, folderId: string, member: Member): Access {
  if (shutOut(member)) return 'none';
  let node: FolderNode | undefined = tree[folderId];
  while (node) {
    const own = ownRight(node, member);
    if (own !== 'inherit') return own;
    node = parentOf(tree, node);
  }
  return rootAccess(member);
}
