import type { NewFolderDefault, TenantSettingsEvent } from '@dossiers/events';
import type { Decider } from '../shared/decider';

/** A firm's settings (stream `tenant-settings-<tenant>`); every firm starts with the defaults. */
export const tenantSettingsStreamId = (tenant: string) => `tenant-settings-${tenant}`;

export type TenantSettings = { newFolderDefault: NewFolderDefault };
export const DEFAULT_TENANT_SETTINGS: TenantSettings = { newFolderDefault: 'inherit' };

export type ChangeTenantSettings = { type: 'ChangeTenantSettings'; changes: Partial<TenantSettings> };

/** Records the settings as they now are, and nothing when nothing changes. */
export function decideTenantSettings(
  command: ChangeTenantSettings,
  state: TenantSettings,
): TenantSettingsEvent[] {
  const next = { ...state, ...command.changes };
  if (next.newFolderDefault === state.newFolderDefault) return [];
  return [{ type: 'TenantSettingsChanged', data: next }];
}

export const tenantSettingsDecider: Decider<TenantSettings, ChangeTenantSettings, TenantSettingsEvent> = {
  initialState: () => DEFAULT_TENANT_SETTINGS,
  evolve: (_state, event) => ({ ...event.data }),
  decide: decideTenantSettings,
};
