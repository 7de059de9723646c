import { Module } from '@nestjs/common';
import { ClientAccess } from '../access/client-access';
import { FolderQueries } from './folder-queries';
import { FoldersController } from './folders.controller';
import { FilesController } from '../files/files.controller';

/** The folder tree, the permissions matrix, the "eye", who can see a folder, and the files. */
@Module({
  controllers: [FoldersController, FilesController],
  providers: [ClientAccess, FolderQueries],
  exports: [ClientAccess],
})
export class FolderQueriesModule {}
