import { Query } from '@nestjs/cqrs';
import type { Access } from '@dossiers/events';
import type { Principal } from '@dossiers/platform';
import type { FolderItem, VisibleFoldersView } from '../folder-reads';

/** Staff get the whole tree, every folder `full`; a member gets their own "eye". */
export type FolderTreeView =
  VisibleFoldersView | { items: (FolderItem & { right: Access })[]; total: number };

/** GET /clients/:id/folders: the tree in reading order, as the caller may see it. */
export class GetFolderTreeQuery extends Query<FolderTreeView> {
  constructor(
    readonly principal: Principal,
    readonly clientId: string,
  ) {
    super();
  }
}
