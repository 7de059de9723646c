import { SHEET_FIELD_TYPES, type Attributes, type SheetField, type SheetFieldType } from '@dossiers/events';
import type { FieldError } from '../shared/domain-errors';
import { isDateAttribute } from '../client/attributes';
import {
  checkKnownProperties,
  checkOptions,
  checkRequiredFlag,
  checkText,
  isEmailAddress,
  isPhoneNumber,
  isPlainObject,
  rawKeyOf,
} from './field-values';

export const MAX_SHEET_FIELDS = 200;
export const FIELD_KEY_MAX_LENGTH = 100;
export const FIELD_LABEL_MAX_LENGTH = 200;

function checkSheetField(raw: unknown, field: string, errors: FieldError[]): SheetField | undefined {
  if (!isPlainObject(raw)) {
    errors.push({ field, message: 'must be an object {key, label, type, options?, required?}' });
    return undefined;
  }
  const before = errors.length;
  checkKnownProperties(raw, ['key', 'label', 'type', 'options', 'required'], field, errors);
  const key = checkText(raw.key, `${field}.key`, FIELD_KEY_MAX_LENGTH, errors);
  const label = checkText(raw.label, `${field}.label`, FIELD_LABEL_MAX_LENGTH, errors);
  const type = raw.type as SheetFieldType;
  if (!SHEET_FIELD_TYPES.includes(type))
    errors.push({ field: `${field}.type`, message: `must be one of ${SHEET_FIELD_TYPES.join(', ')}` });
  const options = checkOptions(raw.options, type, `${field}.options`, errors);
  const required = checkRequiredFlag(raw.required, `${field}.required`, errors);
  if (errors.length > before) return undefined;
  return { key: key!, label: label!, type, ...(options ? { options } : {}), required };
}

/** A sheet template's fields: at most 200, keys unique (they become the client's attribute keys). */
export function checkSheetFields(
  raw: unknown,
  field: string,
): { value?: SheetField[]; errors: FieldError[] } {
  if (!Array.isArray(raw)) return { errors: [{ field, message: 'must be an array' }] };
  if (raw.length > MAX_SHEET_FIELDS)
    return { errors: [{ field, message: `at most ${MAX_SHEET_FIELDS} fields` }] };
  const errors: FieldError[] = [];
  const fields: SheetField[] = [];
  const keys = new Map<string, number>();
  raw.forEach((item, index) => {
    const sheetField = checkSheetField(item, `${field}.${index}`, errors);
    // A repeated key is reported even when the rest of either field is wrong too.
    const key = rawKeyOf(item);
    const first = key === undefined ? undefined : keys.get(key);
    if (first !== undefined)
      errors.push({ field: `${field}.${index}.key`, message: `duplicates ${field}.${first}.key` });
    else if (key !== undefined) keys.set(key, index);
    if (sheetField) fields.push(sheetField);
  });
  return errors.length ? { errors } : { value: fields, errors };
}

function valueProblem(sheetField: SheetField, value: unknown): string | null {
  switch (sheetField.type) {
    case 'text':
      return typeof value === 'string' ? null : 'must be a string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'date':
      return typeof value === 'string' && isDateAttribute(value)
        ? null
        : 'must be an ISO-8601 date (YYYY-MM-DD or a full instant)';
    case 'email':
      return typeof value === 'string' && isEmailAddress(value) ? null : 'must be an email address';
    case 'phone':
      return typeof value === 'string' && isPhoneNumber(value) ? null : 'must be a phone number';
    case 'select':
      return typeof value === 'string' && sheetField.options?.includes(value)
        ? null
        : `must be one of ${(sheetField.options ?? []).join(', ')}`;
  }
}

/**
 * Checks a client's attributes against the fields of its sheet: each value present must suit its
 * field's type (an empty string counts as "not filled in", accepted unless the field is required).
 * A required field must be filled in when `requireAll`, and an empty value given for it (a change
 * emptying it) is refused either way. Attributes that no field describes are the client's own: allowed.
 */
export function checkSheetValues(
  fields: SheetField[],
  attributes: Attributes,
  options: { requireAll: boolean; field: string },
): FieldError[] {
  const errors: FieldError[] = [];
  for (const sheetField of fields) {
    const field = `${options.field}.${sheetField.key}`;
    const value = Object.hasOwn(attributes, sheetField.key) ? attributes[sheetField.key] : undefined;
    if (value === undefined || value === '') {
      if (sheetField.required && (options.requireAll || value !== undefined))
        errors.push({ field, message: 'is required' });
      continue;
    }
    const problem = valueProblem(sheetField, value);
    if (problem) errors.push({ field, message: problem });
  }
  return errors;
}
