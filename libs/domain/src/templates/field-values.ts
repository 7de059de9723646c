import { checkAll, checked, invalid, mapChecked, valid, type Checked } from '../shared/checked';
import type { FieldError } from '../shared/domain-errors';
import { humanTextProblem } from '../shared/normalize-text';

export { isEmailAddress, isPhoneNumber } from '../shared/contact-points';

/** Small checks shared by the firm's templates, the connector catalog and the groups' names. */

/** A plain JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A typed text (a name, a label, a title): a string, NFC, trimmed, 1 to `max` characters, within
 * the text policy (humanTextProblem: no controls, bidi characters or lone surrogates).
 */
export function checkHumanText(raw: unknown, field: string, max: number): Checked<string> {
  if (typeof raw !== 'string') return invalid(field, 'must be a string');
  const text = raw.normalize('NFC').trim();
  if (text.length === 0 || text.length > max) return invalid(field, `must be 1-${max} characters`);
  const problem = humanTextProblem(text);
  return problem ? invalid(field, problem) : valid(text);
}

/** An optional flag (`required`, `secret`): a boolean, false when absent. */
export function checkFlag(raw: unknown, field: string): Checked<boolean> {
  if (raw === undefined) return valid(false);
  return typeof raw === 'boolean' ? valid(raw) : invalid(field, 'must be a boolean');
}

export const MAX_OPTIONS = 200;
export const OPTION_MAX_LENGTH = 200;

/**
 * The choices of a `select`: required (a non-empty list of distinct texts) for a select and
 * refused for any other type (null), so a stored field never carries options it does not use.
 */
export function checkSelectOptions(raw: unknown, type: unknown, field: string): Checked<string[] | null> {
  if (type !== 'select') return raw === undefined ? valid(null) : invalid(field, 'only a select has options');
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_OPTIONS)
    return invalid(field, `a select needs a list of 1-${MAX_OPTIONS} options`);
  const errors: FieldError[] = [];
  const options: string[] = [];
  raw.forEach((option, index) => {
    const text = checkHumanText(option, `${field}.${index}`, OPTION_MAX_LENGTH);
    errors.push(...text.errors);
    if (text.value === undefined) return;
    if (options.includes(text.value))
      errors.push({ field: `${field}.${index}`, message: 'is a duplicate option' });
    else options.push(text.value);
  });
  return checked(options, errors);
}

/** One of a fixed list of values (a type, a level). */
export function checkOneOf<T extends string>(raw: unknown, allowed: readonly T[], field: string): Checked<T> {
  return allowed.includes(raw as T)
    ? valid(raw as T)
    : invalid(field, `must be one of ${allowed.join(', ')}`);
}

/** The key a field or question will have once checked, to find repeats. */
export function rawKeyOf(item: unknown): string | undefined {
  const key = isPlainObject(item) && typeof item.key === 'string' ? item.key.normalize('NFC').trim() : '';
  return key || undefined;
}

/** An object's properties that the caller does not know are refused, never silently dropped. */
export function checkOnlyKnown(
  value: Record<string, unknown>,
  known: readonly string[],
  field: string,
): Checked<Record<string, unknown>> {
  const unknown = Object.keys(value).filter((key) => !known.includes(key));
  return checked(
    value,
    unknown.map((key) => ({ field: `${field}.${key}`, message: 'is not allowed' })),
  );
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

/** A typed entry of a template: a sheet field or a form question ({key, label, type, options?, required?}). */
export interface TypedEntry<Type extends string> {
  key: string;
  label: string;
  type: Type;
  options?: string[];
  required: boolean;
}

const TYPED_ENTRY_PROPERTIES = ['key', 'label', 'type', 'options', 'required'];

/** One typed entry, every problem collected under `field`: the one check sheet fields and form questions share. */
export function checkTypedEntry<Type extends string>(
  raw: unknown,
  field: string,
  limits: { types: readonly Type[]; keyMax: number; labelMax: number },
): Checked<TypedEntry<Type>> {
  if (!isPlainObject(raw)) return invalid(field, 'must be an object {key, label, type, options?, required?}');
  const parts = checkAll({
    known: checkOnlyKnown(raw, TYPED_ENTRY_PROPERTIES, field),
    key: checkHumanText(raw.key, `${field}.key`, limits.keyMax),
    label: checkHumanText(raw.label, `${field}.label`, limits.labelMax),
    type: checkOneOf(raw.type, limits.types, `${field}.type`),
    options: checkSelectOptions(raw.options, raw.type, `${field}.options`),
    required: checkFlag(raw.required, `${field}.required`),
  });
  return mapChecked(parts, ({ key, label, type, options, required }) => ({
    key,
    label,
    type,
    ...(options ? { options } : {}),
    required,
  }));
}
