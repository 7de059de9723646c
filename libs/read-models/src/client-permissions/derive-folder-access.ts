import { normalizeText } from '@dossiers/domain';
import type { Document } from '@dossiers/read-store';
import {
  CLIENT_MEMBERS_COLLECTION,
  clientMemberId,
  FOLDER_ACCESS_COLLECTION,
  folderAccessId,
  type ClientMemberDoc,
  type FolderAccessDoc,
} from './folder-access.document';
import { NOT_SET, RIGHT_CODE, type ModelFolder, type PermissionModelDoc } from './permission-model';

const GONE = '-';
const ACCESS_CODE = { none: 'n', read: 'r', full: 'f' } as const;
const UNSET = NOT_SET;
const INHERIT = RIGHT_CODE.inherit;

/**
 * Every folder's own and effective rights, top-down in one pass over the tree: a folder's
 * effective right is its own, or else its parent's; at the root a collaborator has their client
 * access and a contact none; a collaborator whose client access is none has none everywhere.
 */
export function deriveFolderAccess(model: PermissionModelDoc): Array<{ collection: string; doc: Document }> {
  // Filled, not sparse: map() skips holes, and the slot of a principal who left is one.
  const slots = Array.from(
    { length: model.nextSlot },
    (): { kind: 'contact' | 'collaborator'; access: string | null } | undefined => undefined,
  );
  for (const principal of Object.values(model.principals)) slots[principal.slot] = principal;
  const gone = slots.map((p) => !p);
  const isContact = slots.map((p) => p?.kind === 'contact');
  const shutOut = slots.map((p) => p?.kind === 'collaborator' && p.access === 'none');
  const atRoot = slots.map((p) => (!p ? GONE : p.kind === 'contact' ? 'n' : ACCESS_CODE[p.access as 'none']));

  const children = new Map<string | null, Array<[string, ModelFolder]>>();
  for (const entry of Object.entries(model.folders)) {
    const siblings = children.get(entry[1].parentId);
    if (siblings) siblings.push(entry);
    else children.set(entry[1].parentId, [entry]);
  }
  // Trees repeat their names ('2024', 'Factures'): each is normalised once.
  const sortNames = new Map<string, string>();
  const sortName = (name: string) => {
    let normalized = sortNames.get(name);
    if (normalized === undefined) sortNames.set(name, (normalized = normalizeText(name)));
    return normalized;
  };

  // Runs for every folder on every change, twice (before and after): kept lean.
  const derived: Array<{ collection: string; doc: Document }> = [];
  const visit = (
    folderId: string,
    folder: ModelFolder,
    parent: { path: string; sortKey: string; ancestorIds: string[]; effective: string[] } | null,
  ) => {
    const contactDefault = folder.contactDefault ? RIGHT_CODE[folder.contactDefault] : UNSET;
    const inherited = parent?.effective ?? atRoot;
    const rights = folder.rights;
    const own: string[] = new Array(slots.length);
    const effective: string[] = new Array(slots.length);
    for (let slot = 0; slot < slots.length; slot++) {
      if (gone[slot]) {
        own[slot] = effective[slot] = GONE;
        continue;
      }
      let char = slot < rights.length ? rights[slot] : UNSET;
      if (char === UNSET && isContact[slot]) char = contactDefault;
      if (char === INHERIT) char = UNSET;
      own[slot] = char;
      effective[slot] = shutOut[slot] ? 'n' : char !== UNSET ? char : inherited[slot];
    }
    const path = parent ? `${parent.path}/${folder.name}` : folder.name;
    // Siblings by name; two that sort alike ('Reçus', 'Recus') by their names as written, so that
    // their subfolders never interleave. '\u0001' and '\u0002' sort before any character a name has.
    const segment = `${sortName(folder.name)}\u0002${folder.name}`;
    const sortKey = parent ? `${parent.sortKey}\u0001${segment}` : segment;
    const ancestorIds = parent?.ancestorIds ?? [];
    const doc: FolderAccessDoc = {
      _id: folderAccessId(model._id, folderId),
      tenant: model.tenant,
      clientId: model._id,
      folderId,
      name: folder.name,
      path,
      sortKey,
      depth: ancestorIds.length,
      parentId: folder.parentId,
      ancestorIds,
      own: own.join(''),
      effective: effective.join(''),
    };
    derived.push({ collection: FOLDER_ACCESS_COLLECTION, doc });
    const below = children.get(folderId);
    if (!below) return;
    // Siblings share their ancestors: one array for all of them (documents are only ever serialised).
    const next = { path, sortKey, ancestorIds: [folderId, ...ancestorIds], effective };
    for (const [childId, child] of below) visit(childId, child, next);
  };
  for (const [folderId, folder] of children.get(null) ?? []) visit(folderId, folder, null);

  for (const [principalId, principal] of Object.entries(model.principals)) {
    const member: ClientMemberDoc = {
      _id: clientMemberId(model._id, principalId),
      tenant: model.tenant,
      clientId: model._id,
      principalId,
      kind: principal.kind,
      access: principal.access,
      visible: principal.kind === 'contact' || principal.access !== 'none',
      slot: principal.slot,
    };
    derived.push({ collection: CLIENT_MEMBERS_COLLECTION, doc: member });
  }
  return derived;
}
