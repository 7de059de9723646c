import { normalizeText } from '@dossiers/domain';
import type { DerivedDocument } from '../projection/projection';
import {
  CLIENT_MEMBERS_COLLECTION,
  clientMemberId,
  FOLDER_ACCESS_COLLECTION,
  folderAccessId,
  type ClientMemberDoc,
  type FolderAccessDoc,
} from './folder-access.document';
import { folderIn, forEachFolder, type FolderMap } from './folder-map';
import { NOT_SET, RIGHT_CODE, type ModelFolder, type PermissionModelDoc } from './permission-model';

const GONE = '-';
const ACCESS_CODE = { none: 'n', read: 'r', full: 'f' } as const;
const UNSET = NOT_SET;
const INHERIT = RIGHT_CODE.inherit;

/** What a folder's children inherit from it: its path, sort key, ancestors and effective rights. */
interface Above {
  path: string;
  sortKey: string;
  ancestorIds: string[];
  effective: string[];
}

/** the folder's document, and its effective rights one per slot as its children inherit them */
type Describe = (folder: ModelFolder, parent: Above | null) => { doc: FolderAccessDoc; effective: string[] };
type Children = Map<string | null, ModelFolder[]>;

/**
 * Every folder's own and effective rights, top-down in one pass over the tree: a folder's
 * effective right is its own, or else its parent's; at the root a collaborator has their client
 * access and a contact none; a collaborator whose client access is none has none everywhere.
 */
export function deriveFolderAccess(model: PermissionModelDoc): DerivedDocument[] {
  const describe = folderDescriber(model);
  const children = childrenOf(model.folders);
  const derived: DerivedDocument[] = [];
  for (const folder of children.get(null) ?? []) deriveSubtree(describe, children, folder, null, derived);
  for (const [principalId, principal] of Object.entries(model.principals)) {
    if (principal.left) continue;
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

/**
 * The folder documents of `folderIds` alone, exactly as deriveFolderAccess derives them (none for
 * a folder the root does not reach). `folderIds` must hold every subfolder of each folder it holds:
 * each of its topmost folders is derived with all that is below it, its ancestors walked for
 * what it inherits and not derived.
 */
export function deriveFolderAccessOf(
  model: PermissionModelDoc,
  folderIds: ReadonlySet<string>,
): DerivedDocument[] {
  const describe = folderDescriber(model);
  // Closed under subfolders: the set's own tree holds every child of each of its folders.
  const children = childrenOf(model.folders, folderIds);
  const derived: DerivedDocument[] = [];
  for (const folderId of folderIds) {
    const folder = folderIn(model.folders, folderId);
    // Below another of the set: derived with it.
    if (!folder || (folder.parentId !== null && folderIds.has(folder.parentId))) continue;
    const parent = inheritedBy(model, describe, folder.parentId);
    if (parent !== undefined) deriveSubtree(describe, children, folder, parent, derived);
  }
  return derived;
}

/** What the folder `parentId` hands down (null: the root), or undefined when the root does not reach it. */
function inheritedBy(
  model: PermissionModelDoc,
  describe: Describe,
  parentId: string | null,
): Above | null | undefined {
  const chain: ModelFolder[] = [];
  const seen = new Set<string>();
  for (let id = parentId; id !== null;) {
    const folder = folderIn(model.folders, id);
    if (!folder || seen.has(id)) return undefined;
    seen.add(id);
    chain.push(folder);
    id = folder.parentId;
  }
  let above: Above | null = null;
  for (let i = chain.length - 1; i >= 0; i--) above = handedDown(describe(chain[i], above));
  return above;
}

/** The folders under each folder (under null: the topmost), of all of them or of those in `only`. */
export function childrenOf(folders: FolderMap, only?: Iterable<string>): Children {
  const children: Children = new Map();
  const add = (folder: ModelFolder) => {
    const siblings = children.get(folder.parentId);
    if (siblings) siblings.push(folder);
    else children.set(folder.parentId, [folder]);
  };
  if (!only) forEachFolder(folders, add);
  else
    for (const folderId of only) {
      const folder = folderIn(folders, folderId);
      if (folder) add(folder);
    }
  return children;
}

function deriveSubtree(
  describe: Describe,
  children: Children,
  folder: ModelFolder,
  parent: Above | null,
  derived: DerivedDocument[],
): void {
  const described = describe(folder, parent);
  derived.push({ collection: FOLDER_ACCESS_COLLECTION, doc: described.doc });
  const below = children.get(folder.id);
  if (!below) return;
  // Siblings share their ancestors: one array for all of them (documents are only ever serialised).
  const next = handedDown(described);
  for (const child of below) deriveSubtree(describe, children, child, next, derived);
}

const handedDown = ({ doc, effective }: ReturnType<Describe>): Above => ({
  path: doc.path,
  sortKey: doc.sortKey,
  ancestorIds: [doc.folderId, ...doc.ancestorIds],
  effective,
});

/** A folder's document from its parent's, with what every folder of the client needs computed once. */
function folderDescriber(model: PermissionModelDoc): Describe {
  // Filled, not sparse: map() skips holes, and the slot of a principal who left (or never was) is one.
  const slots = Array.from(
    { length: model.nextSlot },
    (): { kind: 'contact' | 'collaborator'; access: string | null } | undefined => undefined,
  );
  for (const principal of Object.values(model.principals))
    if (!principal.left) slots[principal.slot] = principal;
  const gone = slots.map((p) => !p);
  const isContact = slots.map((p) => p?.kind === 'contact');
  const shutOut = slots.map((p) => p?.kind === 'collaborator' && p.access === 'none');
  const atRoot = slots.map((p) => (!p ? GONE : p.kind === 'contact' ? 'n' : ACCESS_CODE[p.access as 'none']));

  // Trees repeat their names ('2024', 'Factures'): each is normalised once.
  const sortNames = new Map<string, string>();
  const sortName = (name: string) => {
    let normalized = sortNames.get(name);
    if (normalized === undefined) sortNames.set(name, (normalized = normalizeText(name)));
    return normalized;
  };

  // Runs for every folder on every change that reshapes the tree, twice (before and after): kept lean.
  return (folder, parent) => {
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
      _id: folderAccessId(model._id, folder.id),
      tenant: model.tenant,
      clientId: model._id,
      folderId: folder.id,
      name: folder.name,
      path,
      sortKey,
      depth: ancestorIds.length,
      parentId: folder.parentId,
      ancestorIds,
      own: own.join(''),
      effective: effective.join(''),
    };
    return { doc, effective };
  };
}
