import type { NewFolderDefault, TenantSettingsEvent } from '@dossiers/events';
import type { Decider } from '../shared/decider';
import { DEFAULT_FIRM_CALENDAR, type FirmCalendar } from '../reminders/schedule';

/** A firm's settings (stream `tenant-settings-<tenant>`); every firm starts with the defaults. */
export const tenantSettingsStreamId = (tenant: string) => `tenant-settings-${tenant}`;

/** The folders' policy, the calendar reminders follow, and the name `{{firm.name}}` renders. */
export type TenantSettings = FirmCalendar & { newFolderDefault: NewFolderDefault; firmName: string };
export const DEFAULT_TENANT_SETTINGS: TenantSettings = {
  newFolderDefault: 'inherit',
  ...DEFAULT_FIRM_CALENDAR,
  firmName: '',
};
const SETTINGS = Object.keys(DEFAULT_TENANT_SETTINGS) as (keyof TenantSettings)[];

/** The settings, and whether the firm ever stated them (until then they are the defaults, unrecorded). */
export type TenantSettingsState = TenantSettings & { recorded: boolean };

/** Inputs arrive checked (checkSettingsChanges); an absent setting keeps its value. */
export type ChangeTenantSettings = { type: 'ChangeTenantSettings'; changes: Partial<TenantSettings> };

/**
 * Records the settings as they now are, and nothing when nothing changes. The first change is
 * always recorded, defaults included: the firm's settings then exist, with a revision to answer.
 */
export function decideTenantSettings(
  command: ChangeTenantSettings,
  state: TenantSettingsState,
): TenantSettingsEvent[] {
  const { changes } = command;
  const next: TenantSettings = {
    newFolderDefault: changes.newFolderDefault ?? state.newFolderDefault,
    timeZone: changes.timeZone ?? state.timeZone,
    sendHour: changes.sendHour ?? state.sendHour,
    firmName: changes.firmName ?? state.firmName,
  };
  if (state.recorded && SETTINGS.every((key) => next[key] === state[key])) return [];
  return [{ type: 'TenantSettingsChanged', data: next }];
}

export const tenantSettingsDecider: Decider<TenantSettingsState, ChangeTenantSettings, TenantSettingsEvent> =
  {
    initialState: () => ({ ...DEFAULT_TENANT_SETTINGS, recorded: false }),
    evolve: (_state, event) => ({ ...event.data, recorded: true }),
    decide: decideTenantSettings,
  };
