import { NEW_FOLDER_DEFAULTS } from '@dossiers/events';
import { checkAll, mapChecked, valid, type Checked } from '../shared/checked';
import { checkHumanText, checkOneOf } from '../templates/field-values';
import { checkSendHour, checkTimeZone } from '../reminders/schedule';
import type { TenantSettings } from './tenant-settings.decider';

export const FIRM_NAME_MAX_LENGTH = 200;

/** The settings as sent (PUT /settings): each may be absent, none may be null. */
export type SettingsInput = { [K in keyof TenantSettings]?: unknown };

/** The firm's name as its emails sign: a typed text of 1-200 characters, or '' for none. */
export function checkFirmName(raw: unknown, field: string): Checked<string> {
  if (typeof raw === 'string' && raw.trim() === '') return valid('');
  return checkHumanText(raw, field, FIRM_NAME_MAX_LENGTH);
}

const given = <T>(
  raw: unknown,
  check: (raw: unknown, field: string) => Checked<T>,
  field: string,
): Checked<T | undefined> => (raw === undefined ? valid(undefined) : check(raw, field));

/** The settings to change, every problem at once, each naming its field; the zone in its canonical name. */
export function checkSettingsChanges(input: SettingsInput): Checked<Partial<TenantSettings>> {
  const parts = checkAll({
    newFolderDefault: given(
      input.newFolderDefault,
      (raw, field) => checkOneOf(raw, NEW_FOLDER_DEFAULTS, field),
      'newFolderDefault',
    ),
    timeZone: given(input.timeZone, checkTimeZone, 'timeZone'),
    sendHour: given(input.sendHour, checkSendHour, 'sendHour'),
    firmName: given(input.firmName, checkFirmName, 'firmName'),
  });
  // An absent setting stays absent: the decider keeps its value.
  return mapChecked(parts, (changes) =>
    Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
  );
}
