import type { NewFolderDefault, TenantSettingsEvent } from '@dossiers/events';
import type { Decider } from '../shared/decider';

/** A firm's settings (stream `tenant-settings-<tenant>`); every firm starts with the defaults. */
export const tenantSettingsStreamId = (tenant: string) => `tenant-settings-${tenant}`;

export type TenantSettings = { newFolderDefault: NewFolderDefault };
export const DEFAULT_TENANT_SETTINGS: TenantSettings = { newFolderDefault: 'inherit' };

/** The settings, and whether the firm ever stated them (until then they are the defaults, unrecorded). */
export type TenantSettingsState = TenantSettings & { recorded: boolean };

export type ChangeTenantSettings = { type: 'ChangeTenantSettings'; changes: Partial<TenantSettings> };

/**
 * Records the settings as they now are, and nothing when nothing changes. The first change is
 * always recorded, defaults included: the firm's settings then exist, with a revision to answer.
 */
export function decideTenantSettings(
  command: ChangeTenantSettings,
  state: TenantSettingsState,
): TenantSettingsEvent[] {
  const next: TenantSettings = {
    newFolderDefault: command.changes.newFolderDefault ?? state.newFolderDefault,
  };
  if (state.recorded && next.newFolderDefault === state.newFolderDefault) return [];
  return [{ type: 'TenantSettingsChanged', data: next }];
}

export const tenantSettingsDecider: Decider<TenantSettingsState, ChangeTenantSettings, TenantSettingsEvent> =
  {
    initialState: () => ({ ...DEFAULT_TENANT_SETTINGS, recorded: false }),
    evolve: (_state, event) => ({ newFolderDefault: event.data.newFolderDefault, recorded: true }),
    decide: decideTenantSettings,
  };
