import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import {
  FOLDER_ACCESS_COLLECTION,
  folderAccessId,
  NOT_SET,
  type ClientMemberDoc,
  type FolderAccessDoc,
} from '@dossiers/read-models';
import { ClientAccess } from '../../access/client-access';
import { accessAt, folderItem, memberDocs, principalsOf } from '../folder-reads';
import { GetFolderAccessQuery, type FolderAccessView, type RightSource } from './get-folder-access.query';

/** Everyone who can see a folder, their effective right, and where it comes from. */
@QueryHandler(GetFolderAccessQuery)
export class GetFolderAccessHandler implements IQueryHandler<GetFolderAccessQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly access: ClientAccess,
  ) {}

  async execute({ principal, clientId, folderId }: GetFolderAccessQuery): Promise<FolderAccessView> {
    const view = await this.access.view(principal, clientId);
    const { folder } = await this.access.folder(view, folderId);
    this.access.assertMaySeeOthersRights(principal);
    const [ancestors, members] = await Promise.all([
      this.readStore
        .collection<FolderAccessDoc>(FOLDER_ACCESS_COLLECTION)
        .findByIds(folder.ancestorIds.map((id) => folderAccessId(clientId, id))),
      memberDocs(this.readStore, clientId),
    ]);
    const byId = new Map(ancestors.map((a) => [a.folderId, a]));
    const nearestFirst = folder.ancestorIds.map((id) => byId.get(id)!).filter(Boolean);
    const principals = await principalsOf(this.readStore, members);
    const byPrincipal = new Map(members.map((m) => [m.principalId, m]));
    const items = principals
      .map((p) => {
        const member = byPrincipal.get(p.id)!;
        const right = accessAt(folder.effective, member.slot);
        const source = sourceOf(folder, nearestFirst, member);
        return { principalId: p.id, kind: p.kind, name: p.name, right, source };
      })
      .filter((item) => item.right !== 'none');
    return { folder: folderItem(folder), items };
  }
}

/** The folder's own right, else the nearest ancestor's, else the client's (collaborators) or the default (contacts). */
export function sourceOf(
  folder: FolderAccessDoc,
  nearestFirst: FolderAccessDoc[],
  member: ClientMemberDoc,
): RightSource {
  if (folder.own[member.slot] !== NOT_SET) return { kind: 'explicit' };
  const from = nearestFirst.find((a) => a.own[member.slot] !== NOT_SET);
  if (from) return { kind: 'inherited', fromFolderId: from.folderId, fromPath: from.path };
  return member.kind === 'collaborator' ? { kind: 'client' } : { kind: 'default' };
}
