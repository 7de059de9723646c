import type { Access, ClientEvent, FolderRight } from '@dossiers/events';
import type { Document } from '@dossiers/read-store';
import type { Handled, Recorded } from '../projection/projection';

/**
 * A client's folders and the rights set on them, kept compact: each principal of the client has a
 * slot (a position, never reused), and a folder's rights are one character per slot. A cascade over
 * 5,000 folders and 50 principals sets 250,000 rights; as characters they stay a few hundred KB
 * instead of megabytes of JSON keys, so the projection writes them in milliseconds.
 *
 * Characters: '.' no right set (inherit), and for a right set: 'i' inherit, 'n' none, 'r' read, 'f' full.
 */
export const RIGHT_CODE: Record<FolderRight, string> = { inherit: 'i', none: 'n', read: 'r', full: 'f' };
export const ACCESS_OF_CODE: Record<string, Access> = { n: 'none', r: 'read', f: 'full' };
export const NOT_SET = '.';

export interface ModelFolder {
  parentId: string | null;
  name: string;
  contactDefault: Access | null;
  /** one character per principal slot */
  rights: string;
}

export interface ModelPrincipal {
  kind: 'contact' | 'collaborator';
  /** a collaborator's client-level access; null for a contact */
  access: Access | null;
  slot: number;
  /**
   * a contact detached from the client: not a member, with no right anywhere, but its slot and
   * explicit rights are kept for when it is attached again (as the domain keeps them)
   */
  left?: true;
}

export interface PermissionModelDoc extends Document {
  /** the client id */
  _id: string;
  tenant: string;
  folders: Record<string, ModelFolder>;
  principals: Record<string, ModelPrincipal>;
  nextSlot: number;
}

export const PERMISSION_MODELS_COLLECTION = 'permission_models';

function addPrincipal(
  doc: PermissionModelDoc,
  id: string,
  principal: Omit<ModelPrincipal, 'slot'>,
): PermissionModelDoc {
  const existing = doc.principals[id];
  if (existing) {
    const { left: _left, ...kept } = existing;
    return { ...doc, principals: { ...doc.principals, [id]: { ...kept, ...principal } } };
  }
  return {
    ...doc,
    principals: { ...doc.principals, [id]: { ...principal, slot: doc.nextSlot } },
    nextSlot: doc.nextSlot + 1,
  };
}

/**
 * A contact who leaves the client is no member any more (no right, no membership document), but
 * keeps its slot and explicit rights: attached again, it has the rights it had, not the template's
 * defaults (which a collaborator could otherwise use to reopen a folder closed to it).
 */
function removePrincipal(doc: PermissionModelDoc, id: string): PermissionModelDoc {
  const principal = doc.principals[id];
  if (!principal || principal.left) return doc;
  return { ...doc, principals: { ...doc.principals, [id]: { ...principal, left: true } } };
}

function setRights(
  doc: PermissionModelDoc,
  folderIds: readonly string[],
  rights: Record<string, FolderRight>,
) {
  const slots = Object.entries(rights)
    .filter(([id]) => doc.principals[id])
    .map(([id, right]) => [doc.principals[id].slot, RIGHT_CODE[right]] as const);
  if (slots.length === 0) return doc;
  const width = Math.max(...slots.map(([slot]) => slot)) + 1;
  const folders = { ...doc.folders };
  // A cascade sets tens of slots on thousands of folders: one array per folder, not one string per slot.
  for (const folderId of folderIds) {
    const folder = folders[folderId];
    if (!folder) continue;
    const chars = folder.rights.padEnd(width, NOT_SET).split('');
    for (const [slot, char] of slots) chars[slot] = char;
    folders[folderId] = { ...folder, rights: chars.join('') };
  }
  return { ...doc, folders };
}

function updateFolder(doc: PermissionModelDoc, folderId: string, changes: Partial<ModelFolder>) {
  const folder = doc.folders[folderId];
  return folder ? { ...doc, folders: { ...doc.folders, [folderId]: { ...folder, ...changes } } } : doc;
}

/** The events that shape a client's folders and who has rights on them. */
export const PERMISSION_MODEL_EVENTS = [
  'ClientCreated',
  'ClientDeleted',
  'ContactAttached',
  'ContactDetached',
  'CollaboratorAccessSet',
  'TreeTemplateApplied',
  'FolderCreated',
  'FolderRenamed',
  'FolderMoved',
  'FolderDeleted',
  'FolderPermissionSet',
  'FolderPermissionsCascaded',
] as const satisfies readonly ClientEvent['type'][];
export type PermissionModelEvent = Handled<ClientEvent, typeof PERMISSION_MODEL_EVENTS>;

export function evolvePermissionModel(
  doc: PermissionModelDoc | null,
  event: Recorded<PermissionModelEvent>,
): PermissionModelDoc | null {
  if (event.type === 'ClientCreated')
    return {
      _id: event.data.clientId,
      tenant: event.metadata.tenant,
      folders: {},
      principals: {},
      nextSlot: 0,
    };
  if (!doc) return null;
  switch (event.type) {
    case 'ClientDeleted':
      return null;
    case 'ContactAttached':
      return addPrincipal(doc, event.data.contactId, { kind: 'contact', access: null });
    case 'ContactDetached':
      return removePrincipal(doc, event.data.contactId);
    case 'CollaboratorAccessSet':
      return addPrincipal(doc, event.data.collaboratorId, {
        kind: 'collaborator',
        access: event.data.access,
      });
    case 'TreeTemplateApplied':
    case 'FolderCreated': {
      const added = event.type === 'FolderCreated' ? [event.data] : event.data.folders;
      const folders = { ...doc.folders };
      for (const { folderId, parentId, name, contactDefault } of added)
        folders[folderId] = { parentId, name, contactDefault, rights: '' };
      return { ...doc, folders };
    }
    case 'FolderRenamed':
      return updateFolder(doc, event.data.folderId, { name: event.data.name });
    case 'FolderMoved':
      return updateFolder(doc, event.data.folderId, { parentId: event.data.parentId });
    case 'FolderDeleted': {
      const folders = { ...doc.folders };
      for (const folderId of event.data.folderIds) delete folders[folderId];
      return { ...doc, folders };
    }
    case 'FolderPermissionSet':
      return setRights(doc, [event.data.folderId], { [event.data.principalId]: event.data.right });
    case 'FolderPermissionsCascaded':
      return setRights(doc, event.data.folderIds, event.data.rights);
  }
}
