import { Module } from '@nestjs/common';
import { ClientCommandRunner } from '../clients/client-command-runner';
import { TenantSettingsLookup } from '../settings/tenant-settings-lookup';
import { ChangeSettingsController } from '../settings/change-settings/change-settings.controller';
import { CreateFolderController } from './create-folder/create-folder.controller';
import { UpdateFolderController } from './update-folder/update-folder.controller';
import { DeleteFolderController } from './delete-folder/delete-folder.controller';
import { SetFolderPermissionController } from './set-folder-permission/set-folder-permission.controller';
import { CascadePermissionsController } from './cascade-permissions/cascade-permissions.controller';

/** A client's folder tree and its rights, and the firm's settings that shape new folders. */
@Module({
  controllers: [
    CreateFolderController,
    UpdateFolderController,
    DeleteFolderController,
    SetFolderPermissionController,
    CascadePermissionsController,
    ChangeSettingsController,
  ],
  providers: [ClientCommandRunner, TenantSettingsLookup],
  exports: [ClientCommandRunner],
})
export class FolderCommandsModule {}
