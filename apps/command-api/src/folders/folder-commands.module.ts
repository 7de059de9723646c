import { Module } from '@nestjs/common';
import { ClientCommandRunner } from '../clients/client-command-runner';
import { TenantSettingsLookup } from '../settings/tenant-settings-lookup';
import { ChangeSettingsController } from '../settings/change-settings/change-settings.controller';
import { CreateFolderController } from './create-folder/create-folder.controller';
import { UpdateFolderController } from './update-folder/update-folder.controller';
import { DeleteFolderController } from './delete-folder/delete-folder.controller';
import { SetFolderPermissionController } from './set-folder-permission/set-folder-permission.controller';
import { CascadePermissionsController } from './cascade-permissions/cascade-permissions.controller';
import { FileContentWriter } from '../files/file-content-writer';
import { UploadFileController } from '../files/upload-file/upload-file.controller';
import { UploadFileVersionController } from '../files/upload-file-version/upload-file-version.controller';
import { UpdateFileController } from '../files/update-file/update-file.controller';
import { DeleteFileController } from '../files/delete-file/delete-file.controller';
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
    ChangeSettingsController,
    UploadFileController,
    UploadFileVersionController,
    UpdateFileController,
    DeleteFileController,
  ],
  providers: [
    ClientCommandRunner,
    TenantSettingsLookup,
    FileContentWriter,
    UploadsInFlight,
    OrphanBlobSweepScheduler,
  ],
  exports: [ClientCommandRunner],
})
export class FolderCommandsModule {}
