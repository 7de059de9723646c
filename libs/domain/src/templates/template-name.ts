import type { FieldError } from '../shared/domain-errors';
import { checkText } from './field-values';

export const TEMPLATE_NAME_MAX_LENGTH = 200;

/** The name of a sheet, tree or form template: NFC, trimmed, 1-200 characters, no control characters. */
export function checkTemplateName(raw: unknown, field: string): { value?: string; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const value = checkText(raw, field, TEMPLATE_NAME_MAX_LENGTH, errors);
  return errors.length ? { errors } : { value, errors };
}
