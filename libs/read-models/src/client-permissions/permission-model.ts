import type { Access, ClientEvent, FolderRight } from '@dossiers/events';
import type { Document } from '@dossiers/read-store';
import type { Handled, Recorded } from '../projection/projection';
import {
  folderIn,
  NO_FOLDERS,
  withFolders,
  withoutFolders,
  type FolderMap,
  type ModelFolder,
} from './folder-map';

export type { FolderMap, ModelFolder } from './folder-map';

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
  /** read and changed through folder-map.ts */
  folders: FolderMap;
  principals: Record<string, ModelPrincipal>;
  nextSlot: number;
}

export const PERMISSION_MODELS_COLLECTION = 'permission_models';
/**
 * The folders of a model, stored one group of the FolderMap (1/16 of them) a document, the model
 * itself holding the principals: see the size bound in client-permissions.projection.ts.
 */
export const PERMISSION_MODEL_PARTS_COLLECTION = 'permission_model_parts';

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

/**
 * The model with other folders, and a folder with other rights, built field by field: V8 runs
 * `{ ...doc, folders }` through a slow path (~15 times the cost of a literal), and a time-travel
 * fold replays tens of thousands of rights. The types make the literals complete.
 */
function withFolderMap(doc: PermissionModelDoc, folders: FolderMap): PermissionModelDoc {
  return { _id: doc._id, tenant: doc.tenant, folders, principals: doc.principals, nextSlot: doc.nextSlot };
}

function folderWith(
  { id, parentId, name, contactDefault, rights }: ModelFolder,
  changes: Partial<Pick<ModelFolder, 'parentId' | 'name' | 'rights'>>,
): ModelFolder {
  return {
    id,
    parentId: changes.parentId !== undefined ? changes.parentId : parentId,
    name: changes.name ?? name,
    contactDefault,
    rights: changes.rights ?? rights,
  };
}

function setRights(
  doc: PermissionModelDoc,
  folderIds: readonly string[],
  rights: ReadonlyArray<readonly [principalId: string, right: FolderRight]>,
) {
  // Runs for every right a time-travel fold replays (tens of thousands): plain loops over pairs.
  const slots: Array<[slot: number, char: string]> = [];
  let width = 0;
  for (const [principalId, right] of rights) {
    const principal = doc.principals[principalId];
    if (!principal) continue;
    slots.push([principal.slot, RIGHT_CODE[right]]);
    width = Math.max(width, principal.slot + 1);
  }
  if (slots.length === 0) return doc;
  const changed: ModelFolder[] = [];
  for (const folderId of folderIds) {
    const folder = folderIn(doc.folders, folderId);
    if (folder) changed.push(folderWith(folder, { rights: withCodes(folder.rights, width, slots) }));
  }
  return withFolderMap(doc, withFolders(doc.folders, changed));
}

/** `rights` with each slot's character set, padded with NOT_SET up to `width`. */
function withCodes(rights: string, width: number, slots: ReadonlyArray<[number, string]>): string {
  const padded = rights.padEnd(width, NOT_SET);
  if (slots.length === 1) {
    const [slot, char] = slots[0];
    return padded.slice(0, slot) + char + padded.slice(slot + 1);
  }
  // A cascade sets tens of slots on thousands of folders: one array per folder, not one string per slot.
  const chars = padded.split('');
  for (const [slot, char] of slots) chars[slot] = char;
  return chars.join('');
}

function updateFolder(
  doc: PermissionModelDoc,
  folderId: string,
  changes: Parameters<typeof folderWith>[1],
): PermissionModelDoc {
  const folder = folderIn(doc.folders, folderId);
  return folder ? withFolderMap(doc, withFolders(doc.folders, [folderWith(folder, changes)])) : doc;
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
      folders: NO_FOLDERS,
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
      const folders = withFolders(
        doc.folders,
        added.map(({ folderId, parentId, name, contactDefault }) => ({
          id: folderId,
          parentId,
          name,
          contactDefault,
          rights: '',
        })),
      );
      return withFolderMap(doc, folders);
    }
    case 'FolderRenamed':
      return updateFolder(doc, event.data.folderId, { name: event.data.name });
    case 'FolderMoved':
      return updateFolder(doc, event.data.folderId, { parentId: event.data.parentId });
    case 'FolderDeleted':
      return withFolderMap(doc, withoutFolders(doc.folders, event.data.folderIds));
    case 'FolderPermissionSet':
      return setRights(doc, [event.data.folderId], [[event.data.principalId, event.data.right]]);
    case 'FolderPermissionsCascaded':
      return setRights(doc, event.data.folderIds, Object.entries(event.data.rights));
  }
}
