import { SHEET_FIELD_TYPES, type AttributeValue, type Attributes, type SheetField } from '@dossiers/events';
import { checked, invalid, valid, type Checked } from '../shared/checked';
import type { FieldError } from '../shared/domain-errors';
import { isDateAttribute } from '../client/attributes';
import { checkTypedEntry, isEmailAddress, isPhoneNumber, rawKeyOf } from './field-values';

export const MAX_SHEET_FIELDS = 200;
export const FIELD_KEY_MAX_LENGTH = 100;
export const FIELD_LABEL_MAX_LENGTH = 200;
const checkSheetField = (raw: unknown, field: string): Checked<SheetField> =>
  checkTypedEntry(raw, field, {
    types: SHEET_FIELD_TYPES,
    keyMax: FIELD_KEY_MAX_LENGTH,
    labelMax: FIELD_LABEL_MAX_LENGTH,
  });

/** A sheet template's fields: at most 200, keys unique (they become the client's attribute keys). */
export function checkSheetFields(raw: unknown, field: string): Checked<SheetField[]> {
  if (!Array.isArray(raw)) return invalid(field, 'must be an array');
  if (raw.length > MAX_SHEET_FIELDS) return invalid(field, `at most ${MAX_SHEET_FIELDS} fields`);
  const errors: FieldError[] = [];
  const fields: SheetField[] = [];
  const keys = new Map<string, number>();
  raw.forEach((item, index) => {
    const sheetField = checkSheetField(item, `${field}.${index}`);
    errors.push(...sheetField.errors);
    // A repeated key is reported even when the rest of either field is wrong too.
    const key = rawKeyOf(item);
    const first = key === undefined ? undefined : keys.get(key);
    if (first !== undefined)
      errors.push({ field: `${field}.${index}.key`, message: `duplicates ${field}.${first}.key` });
    else if (key !== undefined) keys.set(key, index);
    if (sheetField.value) fields.push(sheetField.value);
  });
  return checked(fields, errors);
}

function checkValue(sheetField: SheetField, value: AttributeValue, field: string): Checked<AttributeValue> {
  const accepted = (ok: boolean, message: string) => (ok ? valid(value) : invalid(field, message));
  switch (sheetField.type) {
    case 'text':
      return accepted(typeof value === 'string', 'must be a string');
    case 'number':
      return accepted(typeof value === 'number' && Number.isFinite(value), 'must be a number');
    case 'date':
      return accepted(isDateAttribute(value), 'must be an ISO-8601 date (YYYY-MM-DD or a full instant)');
    case 'email':
      return accepted(typeof value === 'string' && isEmailAddress(value), 'must be an email address');
    case 'phone':
      return accepted(typeof value === 'string' && isPhoneNumber(value), 'must be a phone number');
    case 'select':
      return accepted(
        typeof value === 'string' && (sheetField.options ?? []).includes(value),
        `must be one of ${(sheetField.options ?? []).join(', ')}`,
      );
  }
}

/**
 * Checks a client's attributes against the fields of its sheet: each value present must suit its
 * field's type (an empty string counts as "not filled in", accepted unless the field is required).
 * A required field must be filled in when `requireAll`, and an empty value given for it (a change
 * emptying it) is refused either way. Attributes that no field describes are the client's own: allowed.
 */
export function checkSheetAttributes(
  fields: SheetField[],
  attributes: Attributes,
  options: { requireAll: boolean; field: string },
): Checked<Attributes> {
  const errors: FieldError[] = [];
  for (const sheetField of fields) {
    const field = `${options.field}.${sheetField.key}`;
    const value = Object.hasOwn(attributes, sheetField.key) ? attributes[sheetField.key] : undefined;
    if (value === undefined || value === '') {
      if (sheetField.required && (options.requireAll || value !== undefined))
        errors.push({ field, message: 'is required' });
      continue;
    }
    errors.push(...checkValue(sheetField, value, field).errors);
  }
  return checked(attributes, errors);
}
