import type { NewFolderDefault } from './values';

/** Events of a firm's settings (stream `tenant-settings-<tenant>`). Carries every setting as it now is. */
export type TenantSettingsChanged = {
  type: 'TenantSettingsChanged';
  data: { newFolderDefault: NewFolderDefault };
};
export type TenantSettingsEvent = TenantSettingsChanged;
