import type { NewFolderDefault } from './values';

/**
 * Events of a firm's settings (stream `tenant-settings-<tenant>`). Carries every setting as it now
 * is. v2 added the firm's calendar (`timeZone`, IANA; `sendHour`, 'HH:MM': when reminders go out)
 * and `firmName` (what `{{firm.name}}` renders); v1 events read as the defaults.
 */
export type TenantSettingsChanged = {
  type: 'TenantSettingsChanged';
  data: { newFolderDefault: NewFolderDefault; timeZone: string; sendHour: string; firmName: string };
};
export type TenantSettingsEvent = TenantSettingsChanged;
