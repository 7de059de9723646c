import type { FieldError } from '../shared/domain-errors';
import { humanTextProblem } from '../shared/normalize-text';

export { isEmailAddress, isPhoneNumber } from '../shared/contact-points';

/**
 * Small checks shared by the firm's templates and the connector catalog. Each collects errors into
 * the caller's list under the caller's field name, so a wizard can report every step at once.
 */

/** A plain JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A label-like text: a string, NFC, trimmed, 1 to `max` characters, within the text policy
 * (humanTextProblem: no controls, bidi characters or lone surrogates).
 * Returns the clean text, or undefined after recording why not.
 */
export function checkText(
  raw: unknown,
  field: string,
  max: number,
  errors: FieldError[],
): string | undefined {
  if (typeof raw !== 'string') {
    errors.push({ field, message: 'must be a string' });
    return undefined;
  }
  const text = raw.normalize('NFC').trim();
  if (text.length === 0 || text.length > max) {
    errors.push({ field, message: `must be 1-${max} characters` });
    return undefined;
  }
  const problem = humanTextProblem(text);
  if (problem) {
    errors.push({ field, message: problem });
    return undefined;
  }
  return text;
}

/** `required` of a field or question: a boolean, false when absent. */
export function checkRequiredFlag(raw: unknown, field: string, errors: FieldError[]): boolean {
  if (raw === undefined) return false;
  if (typeof raw !== 'boolean') errors.push({ field, message: 'must be a boolean' });
  return raw === true;
}

export const MAX_OPTIONS = 200;
export const OPTION_MAX_LENGTH = 200;

/**
 * The choices of a `select`: required (a non-empty list of distinct texts) for a select and
 * refused for any other type, so a stored field never carries options it does not use.
 */
export function checkOptions(
  raw: unknown,
  type: string | undefined,
  field: string,
  errors: FieldError[],
): string[] | undefined {
  if (type !== 'select') {
    if (raw !== undefined) errors.push({ field, message: 'only a select has options' });
    return undefined;
  }
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_OPTIONS) {
    errors.push({ field, message: `a select needs a list of 1-${MAX_OPTIONS} options` });
    return undefined;
  }
  const options: string[] = [];
  raw.forEach((option, index) => {
    const text = checkText(option, `${field}.${index}`, OPTION_MAX_LENGTH, errors);
    if (text === undefined) return;
    if (options.includes(text)) errors.push({ field: `${field}.${index}`, message: 'is a duplicate option' });
    else options.push(text);
  });
  return options;
}

/** The key a field or question will have once checked, to find repeats. */
export function rawKeyOf(item: unknown): string | undefined {
  const key = isPlainObject(item) && typeof item.key === 'string' ? item.key.normalize('NFC').trim() : '';
  return key || undefined;
}

/** Properties of an object that the caller does not know: refused, never silently dropped. */
export function checkKnownProperties(
  value: Record<string, unknown>,
  known: readonly string[],
  field: string,
  errors: FieldError[],
): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) errors.push({ field: `${field}.${key}`, message: 'is not allowed' });
  }
}

/** Structural equality of JSON values, whatever the key order: "nothing changed" for a retry or a replace. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]))
    );
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a).filter((k) => a[k] !== undefined);
  const otherKeys = Object.keys(b).filter((k) => b[k] !== undefined);
  return keys.length === otherKeys.length && keys.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
}
