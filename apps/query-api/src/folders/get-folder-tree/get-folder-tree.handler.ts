import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { ClientAccess } from '../../access/client-access';
import { folderDocs, folderItem, visibleTo } from '../folder-reads';
import { GetFolderTreeQuery, type FolderTreeView } from './get-folder-tree.query';

@QueryHandler(GetFolderTreeQuery)
export class GetFolderTreeHandler implements IQueryHandler<GetFolderTreeQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly access: ClientAccess,
  ) {}

  async execute({ principal, clientId }: GetFolderTreeQuery): Promise<FolderTreeView> {
    const view = await this.access.view(principal, clientId);
    const folders = await folderDocs(this.readStore, clientId);
    if (view.kind === 'member') return visibleTo(view.member, folders);
    const items = folders.map((f) => ({ ...folderItem(f), right: 'full' as const }));
    return { items, total: items.length };
  }
}
