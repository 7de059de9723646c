import type { Access } from '@dossiers/events';
import type { ReadStore } from '@dossiers/read-store';
import {
  ACCESS_OF_CODE,
  CLIENT_MEMBERS_COLLECTION,
  COLLABORATORS_COLLECTION,
  CONTACTS_COLLECTION,
  FOLDER_ACCESS_COLLECTION,
  NOT_SET,
  type ClientMemberDoc,
  type CollaboratorDoc,
  type ContactDoc,
  type FolderAccessDoc,
} from '@dossiers/read-models';
import type { ClientView } from '../access/client-access';

/**
 * What the folder routes share: the folder tree and its rights, read from the documents the
 * permissions projection derives. Effective rights are stored, never recomputed here.
 */

export const accessAt = (code: string, slot: number): Access => ACCESS_OF_CODE[code[slot]] ?? 'none';
export const explicitAt = (folder: FolderAccessDoc, slot: number): Access | null =>
  folder.own[slot] === NOT_SET ? null : (ACCESS_OF_CODE[folder.own[slot]] ?? null);

export interface FolderItem {
  id: string;
  name: string;
  path: string;
  depth: number;
  parentId: string | null;
}

export const folderItem = (f: FolderAccessDoc): FolderItem => ({
  id: f.folderId,
  name: f.name,
  path: f.path,
  depth: f.depth,
  parentId: f.parentId,
});

/** A folder as one principal sees it: with their right, or listed only to reach a deeper one. */
export type SeenFolder = FolderItem & ({ right: Access; traverseOnly: false } | { traverseOnly: true });

/** The "eye": what one principal sees of the folders given. */
export interface VisibleFoldersView {
  principalId: string;
  items: SeenFolder[];
  total: number;
}

/** A client's folders in reading order. */
export function folderDocs(readStore: ReadStore, clientId: string): Promise<FolderAccessDoc[]> {
  return readStore
    .collection<FolderAccessDoc>(FOLDER_ACCESS_COLLECTION)
    .find({ clientId }, { sort: [['sortKey', 1]] });
}

/** A client's principals (contacts and assigned collaborators), with their slots. */
export function memberDocs(readStore: ReadStore, clientId: string): Promise<ClientMemberDoc[]> {
  return readStore.collection<ClientMemberDoc>(CLIENT_MEMBERS_COLLECTION).find({ clientId });
}

export interface PrincipalView {
  id: string;
  kind: ClientMemberDoc['kind'];
  /** first and last name; null if unknown to the directory */
  name: string | null;
  clientAccess: ClientMemberDoc['access'];
}

/** The members named from the directory: contacts, then collaborators, by name. */
export async function principalsOf(
  readStore: ReadStore,
  members: ClientMemberDoc[],
): Promise<PrincipalView[]> {
  const ids = (kind: string) => members.filter((m) => m.kind === kind).map((m) => m.principalId);
  const [contacts, collaborators] = await Promise.all([
    readStore.collection<ContactDoc>(CONTACTS_COLLECTION).findByIds(ids('contact')),
    readStore.collection<CollaboratorDoc>(COLLABORATORS_COLLECTION).findByIds(ids('collaborator')),
  ]);
  const names = new Map([...contacts, ...collaborators].map((p) => [p._id, `${p.firstName} ${p.lastName}`]));
  return members
    .map((m) => ({
      id: m.principalId,
      kind: m.kind,
      name: names.get(m.principalId) ?? null,
      clientAccess: m.access,
    }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || (a.name ?? '').localeCompare(b.name ?? '', 'fr'));
}

/** What `member` sees of `folders`: the folders they have a right on, and the ancestors leading there. */
export function visibleTo(member: ClientMemberDoc, folders: FolderAccessDoc[]): VisibleFoldersView {
  const visible = folders.filter((f) => accessAt(f.effective, member.slot) !== 'none');
  const reachable = new Set(visible.flatMap((f) => f.ancestorIds));
  const items = folders
    .filter((f) => reachable.has(f.folderId) || accessAt(f.effective, member.slot) !== 'none')
    .map((f): SeenFolder => {
      const right = accessAt(f.effective, member.slot);
      // An ancestor shown only so a deep folder can be reached: its name, nothing in it.
      return right === 'none'
        ? { ...folderItem(f), traverseOnly: true }
        : { ...folderItem(f), right, traverseOnly: false };
    });
  return { principalId: member.principalId, items, total: items.length };
}

/**
 * The folders a caller may know of: every one for staff; for a member, those of their own tree
 * (GET /folders), since a folder they have no right on does not exist for them.
 */
export function knownTo(view: ClientView, folders: FolderAccessDoc[]): FolderAccessDoc[] {
  if (view.kind === 'firm-wide') return folders;
  const known = new Set(visibleTo(view.member, folders).items.map((item) => item.id));
  return folders.filter((f) => known.has(f.folderId));
}
