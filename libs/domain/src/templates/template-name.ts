import type { Checked } from '../shared/checked';
import { checkHumanText } from './field-values';

export const TEMPLATE_NAME_MAX_LENGTH = 200;

/** The name of a sheet, tree or form template: a typed text of 1-200 characters (checkHumanText). */
export function checkTemplateName(raw: unknown, field: string): Checked<string> {
  return checkHumanText(raw, field, TEMPLATE_NAME_MAX_LENGTH);
}
