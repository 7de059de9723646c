import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@dossiers/domain';
import type { Access } from '@dossiers/events';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import {
  ACCESS_OF_CODE,
  CLIENT_MEMBERS_COLLECTION,
  COLLABORATORS_COLLECTION,
  CONTACTS_COLLECTION,
  FOLDER_ACCESS_COLLECTION,
  folderAccessId,
  NOT_SET,
  type ClientMemberDoc,
  type CollaboratorDoc,
  type ContactDoc,
  type FolderAccessDoc,
} from '@dossiers/read-models';
import type { ClientView } from '../access/client-access';

const accessAt = (code: string, slot: number): Access => ACCESS_OF_CODE[code[slot]] ?? 'none';
const explicitAt = (folder: FolderAccessDoc, slot: number): Access | null =>
  folder.own[slot] === NOT_SET ? null : (ACCESS_OF_CODE[folder.own[slot]] ?? null);
const folderItem = (f: FolderAccessDoc) => ({
  id: f.folderId,
  name: f.name,
  path: f.path,
  depth: f.depth,
  parentId: f.parentId,
});

/**
 * The folder tree and its rights, read from the documents the permissions projection derives:
 * effective rights are stored, never recomputed here.
 */
@Injectable()
export class FolderQueries {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  private folders(clientId: string): Promise<FolderAccessDoc[]> {
    return this.readStore
      .collection<FolderAccessDoc>(FOLDER_ACCESS_COLLECTION)
      .find({ clientId }, { sort: [['sortKey', 1]] });
  }

  private members(clientId: string): Promise<ClientMemberDoc[]> {
    return this.readStore.collection<ClientMemberDoc>(CLIENT_MEMBERS_COLLECTION).find({ clientId });
  }

  /** The tree as the caller may see it: whole for staff, the caller's own "eye" for members. */
  async tree(view: ClientView) {
    if (view.kind === 'member') return this.visibleTo(view.member, await this.folders(view.clientId));
    const items = (await this.folders(view.clientId)).map((f) => ({
      ...folderItem(f),
      right: 'full' as Access,
    }));
    return { items, total: items.length };
  }

  /** Names for principals, from the directory. */
  private async names(members: ClientMemberDoc[]): Promise<Map<string, string>> {
    const ids = (kind: string) => members.filter((m) => m.kind === kind).map((m) => m.principalId);
    const [contacts, collaborators] = await Promise.all([
      this.readStore.collection<ContactDoc>(CONTACTS_COLLECTION).findByIds(ids('contact')),
      this.readStore.collection<CollaboratorDoc>(COLLABORATORS_COLLECTION).findByIds(ids('collaborator')),
    ]);
    return new Map([...contacts, ...collaborators].map((p) => [p._id, `${p.firstName} ${p.lastName}`]));
  }

  private async principals(members: ClientMemberDoc[]) {
    const names = await this.names(members);
    return members
      .map((m) => ({
        id: m.principalId,
        kind: m.kind,
        name: names.get(m.principalId) ?? null,
        clientAccess: m.access,
      }))
      .sort((a, b) => a.kind.localeCompare(b.kind) || (a.name ?? '').localeCompare(b.name ?? '', 'fr'));
  }

  /**
   * The folders a caller may know of: every one for staff; for a member, those of their own tree
   * (GET /folders), since a folder they have no right on does not exist for them.
   */
  private knownTo(view: ClientView, folders: FolderAccessDoc[]): FolderAccessDoc[] {
    if (view.kind === 'staff') return folders;
    const known = new Set(this.visibleTo(view.member, folders).items.map((item) => item.id));
    return folders.filter((f) => known.has(f.folderId));
  }

  /** The permissions matrix: every folder the caller knows × every principal of the client, explicit and effective. */
  async matrix(view: ClientView) {
    const [all, members] = await Promise.all([this.folders(view.clientId), this.members(view.clientId)]);
    const folders = this.knownTo(view, all);
    const slots = new Map(members.map((m) => [m.principalId, m.slot]));
    const principals = await this.principals(members);
    return {
      principals,
      folders: folders.map((f) => ({
        ...folderItem(f),
        rights: Object.fromEntries(
          principals.map((p) => {
            const slot = slots.get(p.id)!;
            return [p.id, { explicit: explicitAt(f, slot), effective: accessAt(f.effective, slot) }];
          }),
        ),
      })),
    };
  }

  private member(clientId: string, principalId: string, members: ClientMemberDoc[]): ClientMemberDoc {
    const member = members.find((m) => m.principalId === principalId);
    if (!member) throw new NotFoundError('principal', principalId);
    return member;
  }

  /** The "eye": what one principal sees (of what the caller knows), ancestors of deep folders path-only. */
  async visibleFolders(view: ClientView, principalId: string) {
    const [folders, members] = await Promise.all([this.folders(view.clientId), this.members(view.clientId)]);
    return this.visibleTo(this.member(view.clientId, principalId, members), this.knownTo(view, folders));
  }

  private visibleTo(member: ClientMemberDoc, folders: FolderAccessDoc[]) {
    const visible = folders.filter((f) => accessAt(f.effective, member.slot) !== 'none');
    const reachable = new Set(visible.flatMap((f) => f.ancestorIds));
    const items = folders
      .filter((f) => reachable.has(f.folderId) || accessAt(f.effective, member.slot) !== 'none')
      .map((f) => {
        const right = accessAt(f.effective, member.slot);
        // An ancestor shown only so a deep folder can be reached: its name, nothing in it.
        return right === 'none'
          ? { ...folderItem(f), traverseOnly: true }
          : { ...folderItem(f), right, traverseOnly: false };
      });
    return { principalId: member.principalId, items, total: items.length };
  }

  /** Everyone who can see a folder, their effective right, and where it comes from. */
  async folderAccess(view: ClientView, folderId: string) {
    const folders = this.readStore.collection<FolderAccessDoc>(FOLDER_ACCESS_COLLECTION);
    const folder = await folders.findById(folderAccessId(view.clientId, folderId));
    if (!folder) throw new NotFoundError('folder', folderId);
    const [ancestors, members] = await Promise.all([
      folders.findByIds(folder.ancestorIds.map((id) => folderAccessId(view.clientId, id))),
      this.members(view.clientId),
    ]);
    const byId = new Map(ancestors.map((a) => [a.folderId, a]));
    const nearestFirst = folder.ancestorIds.map((id) => byId.get(id)!).filter(Boolean);
    const principals = await this.principals(members);
    const slots = new Map(members.map((m) => [m.principalId, m]));
    const items = principals
      .map((p) => {
        const { slot, kind } = slots.get(p.id)!;
        const right = accessAt(folder.effective, slot);
        const source =
          folder.own[slot] !== NOT_SET
            ? { kind: 'explicit' as const }
            : (() => {
                const from = nearestFirst.find((a) => a.own[slot] !== NOT_SET);
                if (from)
                  return { kind: 'inherited' as const, fromFolderId: from.folderId, fromPath: from.path };
                return kind === 'collaborator' ? { kind: 'client' as const } : { kind: 'default' as const };
              })();
        return { principalId: p.id, kind: p.kind, name: p.name, right, source };
      })
      .filter((item) => item.right !== 'none');
    return { folder: folderItem(folder), items };
  }
}
