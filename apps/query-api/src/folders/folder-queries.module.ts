import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { GetFolderTreeController } from './get-folder-tree/get-folder-tree.controller';
import { GetFolderTreeHandler } from './get-folder-tree/get-folder-tree.handler';
import { GetPermissionMatrixController } from './get-permission-matrix/get-permission-matrix.controller';
import { GetPermissionMatrixHandler } from './get-permission-matrix/get-permission-matrix.handler';
import { GetVisibleFoldersController } from './get-visible-folders/get-visible-folders.controller';
import { GetVisibleFoldersHandler } from './get-visible-folders/get-visible-folders.handler';
import { GetFolderAccessController } from './get-folder-access/get-folder-access.controller';
import { GetFolderAccessHandler } from './get-folder-access/get-folder-access.handler';

/** A client's folders and rights: the tree, the permissions matrix, the "eye", who can see a folder. */
@Module({
  imports: [AccessModule],
  controllers: [
    GetFolderTreeController,
    GetPermissionMatrixController,
    GetVisibleFoldersController,
    GetFolderAccessController,
  ],
  providers: [
    GetFolderTreeHandler,
    GetPermissionMatrixHandler,
    GetVisibleFoldersHandler,
    GetFolderAccessHandler,
  ],
})
export class FolderQueriesModule {}
