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

/**
 * Every folder's own and effective rights, top-down in one pass over the tree: a folder's
 * effective right is its own, or else its parent's; at the root a collaborator has their client
 * access and a contact none; a collaborator whose client access is none has none everywhere.
 */
export function deriveFolderAccess(model: PermissionModelDoc): Array<{ collection: string; doc: Document }> {
  const slots: Array<{ kind: 'contact' | 'collaborator'; access: string | null } | undefined> = new Array(
    model.nextSlot,
  );
  for (const principal of Object.values(model.principals)) slots[principal.slot] = principal;
  const atRoot = slots.map((p) => (!p ? GONE : p.kind === 'contact' ? 'n' : ACCESS_CODE[p.access as 'none']));
  const shutOut = slots.map((p) => p?.kind === 'collaborator' && p.access === 'none');

  const children = new Map<string | null, Array<[string, ModelFolder]>>();
  for (const entry of Object.entries(model.folders)) {
    const siblings = children.get(entry[1].parentId);
    if (siblings) siblings.push(entry);
    else children.set(entry[1].parentId, [entry]);
  }

  const derived: Array<{ collection: string; doc: Document }> = [];
  const visit = (
    folderId: string,
    folder: ModelFolder,
    parent: { path: string; sortKey: string; ancestorIds: string[]; effective: string[] } | null,
  ) => {
    const contactDefault = folder.contactDefault ? RIGHT_CODE[folder.contactDefault] : NOT_SET;
    const own: string[] = [];
    const effective: string[] = [];
    for (let slot = 0; slot < slots.length; slot++) {
      const principal = slots[slot];
      let char = folder.rights[slot] ?? NOT_SET;
      if (char === NOT_SET && principal?.kind === 'contact') char = contactDefault;
      if (char === RIGHT_CODE.inherit) char = NOT_SET;
      own.push(principal ? char : GONE);
      effective.push(
        !principal
          ? GONE
          : shutOut[slot]
            ? 'n'
            : char !== NOT_SET
              ? char
              : (parent?.effective[slot] ?? atRoot[slot]),
      );
    }
    const path = parent ? `${parent.path}/${folder.name}` : folder.name;
    const sortKey = parent
      ? `${parent.sortKey}\u0001${normalizeText(folder.name)}`
      : normalizeText(folder.name);
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
    for (const [childId, child] of children.get(folderId) ?? [])
      visit(childId, child, { path, sortKey, ancestorIds: [folderId, ...ancestorIds], effective });
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
