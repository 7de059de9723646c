import type { AttributeValue, Attributes } from '@dossiers/events';
import { ValidationError, type FieldError } from '../shared/domain-errors';

// eslint-disable-next-line no-control-regex -- control characters are exactly what a key must not hold
const KEY = /^[^\u0000-\u001f\u007f]{1,100}$/;
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

function valueError(key: string, value: unknown): string | null {
  if (typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'must be a finite number';
  if (typeof value !== 'string') return 'must be a string, number, boolean or ISO-8601 date';
  if (value.length > MAX_STRING_LENGTH) return `must be at most ${MAX_STRING_LENGTH} characters`;
  if (ISO_DATE.test(value) && !isRealDate(value)) return 'is not a valid date';
  return null;
}

/**
 * Checks a patch of attributes. A `null` value means "remove this key" when `allowRemoval`
 * (PATCH); on creation every value must be present.
 */
export function parseAttributes(
  raw: unknown,
  { allowRemoval, field = 'attributes' }: { allowRemoval: boolean; field?: string },
): { set: Attributes; removed: string[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new ValidationError([{ field, message: 'must be an object' }]);
  const entries = Object.entries(raw as Record<string, unknown>);
  const errors: FieldError[] = [];
  if (entries.length > MAX_ATTRIBUTES)
    errors.push({ field, message: `at most ${MAX_ATTRIBUTES} attributes` });
  const set: Attributes = {};
  const removed: string[] = [];
  for (const [key, value] of entries) {
    if (!KEY.test(key.trim()) || key.trim() !== key) {
      errors.push({ field: `${field}.${key}`, message: 'key must be 1-100 characters, trimmed' });
    } else if (value === null && allowRemoval) {
      removed.push(key);
    } else {
      const problem = valueError(key, value);
      if (problem) errors.push({ field: `${field}.${key}`, message: problem });
      else set[key] = value as AttributeValue;
    }
  }
  if (errors.length) throw new ValidationError(errors);
  return { set, removed };
}
