import { Module } from '@nestjs/common';
import { ClientCommandRunner } from '../clients/client-command-runner';
import { TenantSettingsLookup } from '../settings/tenant-settings-lookup';
import { CreateFolderController } from './create-folder/create-folder.controller';
import { CreateFolderHandler } from './create-folder/create-folder.handler';
import { UpdateFolderController } from './update-folder/update-folder.controller';
import { UpdateFolderHandler } from './update-folder/update-folder.handler';
import { DeleteFolderController } from './delete-folder/delete-folder.controller';
import { DeleteFolderHandler } from './delete-folder/delete-folder.handler';
import { SetFolderPermissionController } from './set-folder-permission/set-folder-permission.controller';
import { SetFolderPermissionHandler } from './set-folder-permission/set-folder-permission.handler';
import { CascadePermissionsController } from './cascade-permissions/cascade-permissions.controller';
import { CascadePermissionsHandler } from './cascade-permissions/cascade-permissions.handler';
import { FileContentWriter } from '../files/file-content-writer';
import { UploadFileController } from '../files/upload-file/upload-file.controller';
import { UploadFileHandler } from '../files/upload-file/upload-file.handler';
import { UploadFileVersionController } from '../files/upload-file-version/upload-file-version.controller';
import { UploadFileVersionHandler } from '../files/upload-file-version/upload-file-version.handler';
import { UpdateFileController } from '../files/update-file/update-file.controller';
import { UpdateFileHandler } from '../files/update-file/update-file.handler';
import { DeleteFileController } from '../files/delete-file/delete-file.controller';
import { DeleteFileHandler } from '../files/delete-file/delete-file.handler';
import { UploadsInFlight } from '../files/uploads-in-flight';
import { OrphanBlobSweepScheduler } from '../files/orphan-blob-sweep.scheduler';

/** A client's folder tree, its rights and its files, and the firm's settings that shape new folders. */
@Module({
  controllers: [
    CreateFolderController,
    UpdateFolderController,
    DeleteFolderController,
    SetFolderPermissionController,
    CascadePermissionsController,
    UploadFileController,
    UploadFileVersionController,
    UpdateFileController,
    DeleteFileController,
  ],
  providers: [
    CreateFolderHandler,
    UpdateFolderHandler,
    DeleteFolderHandler,
    SetFolderPermissionHandler,
    CascadePermissionsHandler,
    UploadFileHandler,
    UploadFileVersionHandler,
    UpdateFileHandler,
    DeleteFileHandler,
    ClientCommandRunner,
    TenantSettingsLookup,
    FileContentWriter,
    UploadsInFlight,
    OrphanBlobSweepScheduler,
  ],
  exports: [ClientCommandRunner],
})
export class FolderCommandsModule {}
