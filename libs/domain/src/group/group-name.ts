import type { Checked } from '../shared/checked';
import { checkHumanText } from '../templates/field-values';

export const GROUP_NAME_MAX_LENGTH = 120;

/** A group's name: a typed text of 1-120 characters (checkHumanText). */
export function checkGroupName(raw: unknown, field = 'name'): Checked<string> {
  return checkHumanText(raw, field, GROUP_NAME_MAX_LENGTH);
}
