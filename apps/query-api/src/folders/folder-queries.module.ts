import { Module } from '@nestjs/common';
import { ClientAccess } from '../access/client-access';
import { FolderQueries } from './folder-queries';
import { FoldersController } from './folders.controller';

/** The folder tree, the permissions matrix, the "eye" and who can see a folder. */
@Module({
  controllers: [FoldersController],
  providers: [ClientAccess, FolderQueries],
  exports: [ClientAccess],
})
export class FolderQueriesModule {}
