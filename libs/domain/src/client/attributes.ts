import type { AttributeValue, Attributes } from '@dossiers/events';
import { checked, invalid, valid, type Checked } from '../shared/checked';
import type { FieldError } from '../shared/domain-errors';
import { identifierProblem } from '../shared/normalize-text';

const KEY_MAX_LENGTH = 100;
const MAX_ATTRIBUTES = 200;
const MAX_STRING_LENGTH = 2000;
/** YYYY-MM-DD, or a full ISO-8601 instant: such strings are dates (exported as date cells). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A real calendar day: Date.parse would take 2024-02-30 for March 1st. */
function isRealDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    !Number.isNaN(Date.parse(value))
  );
}

export function isDateAttribute(value: AttributeValue): value is string {
  return typeof value === 'string' && ISO_DATE.test(value) && isRealDate(value);
}

/** A patch of attributes: the values to set, and the keys to remove. */
export type AttributeChanges = { set: Attributes; removed: string[] };

/** An attribute key: 1-100 characters, trimmed, an identifier (no invisible characters). */
export function checkAttributeKey(key: string, field: string): Checked<string> {
  if (key.length === 0 || key.length > KEY_MAX_LENGTH || key.trim() !== key)
    return invalid(field, `key must be 1-${KEY_MAX_LENGTH} characters, trimmed`);
  const problem = identifierProblem(key);
  return problem ? invalid(field, `key ${problem}`) : valid(key);
}

function checkValue(value: unknown, field: string): Checked<AttributeValue> {
  if (typeof value === 'boolean') return valid(value);
  if (typeof value === 'number')
    return Number.isFinite(value) ? valid(value) : invalid(field, 'must be a finite number');
  if (typeof value !== 'string') return invalid(field, 'must be a string, number, boolean or ISO-8601 date');
  if (value.length > MAX_STRING_LENGTH)
    return invalid(field, `must be at most ${MAX_STRING_LENGTH} characters`);
  if (ISO_DATE.test(value) && !isRealDate(value)) return invalid(field, 'is not a valid date');
  return valid(value);
}

/**
 * Checks a patch of attributes. A `null` value means "remove this key" when `allowRemoval`
 * (PATCH); on creation every value must be present.
 */
export function checkAttributes(
  raw: unknown,
  { allowRemoval, field = 'attributes' }: { allowRemoval: boolean; field?: string },
): Checked<AttributeChanges> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return invalid(field, 'must be an object');
  const entries = Object.entries(raw as Record<string, unknown>);
  const errors: FieldError[] = [];
  if (entries.length > MAX_ATTRIBUTES)
    errors.push({ field, message: `at most ${MAX_ATTRIBUTES} attributes` });
  const changes: AttributeChanges = { set: {}, removed: [] };
  for (const [key, value] of entries) {
    const entryField = `${field}.${key}`;
    const checkedKey = checkAttributeKey(key, entryField);
    if (checkedKey.errors.length > 0) errors.push(...checkedKey.errors);
    else if (value === null && allowRemoval) changes.removed.push(key);
    else {
      const checkedValue = checkValue(value, entryField);
      errors.push(...checkedValue.errors);
      if (checkedValue.value !== undefined) changes.set[key] = checkedValue.value;
    }
  }
  return checked(changes, errors);
}
