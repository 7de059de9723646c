import { LANGUAGES, type ContactDetails, type Language } from '@dossiers/events';
import { humanTextProblem } from '../shared/normalize-text';
import {
  EMAIL_MAX_LENGTH,
  isEmailAddress,
  isPhoneNumber,
  PHONE_MAX_DIGITS,
  PHONE_MIN_DIGITS,
} from '../shared/contact-points';
import { ValidationError, type FieldError } from '../shared/domain-errors';

/**
 * Checks of a contact's details. They collect errors instead of throwing at the first one: the
 * client wizard checks many contacts at once and reports every bad field (`contacts[2].email`).
 */
export interface Checked<T> {
  /** set only when `errors` is empty */
  value?: T;
  errors: FieldError[];
}

export const PERSON_NAME_MAX_LENGTH = 100;

/** `${prefix}.${name}`, or just `name` without a prefix. */
export function fieldOf(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

const failed = <T>(field: string, message: string): Checked<T> => ({ errors: [{ field, message }] });

/** A first or last name: composed form (NFC), trimmed, 1-100 characters, no control characters. */
export function checkPersonName(raw: unknown, field: string): Checked<string> {
  if (typeof raw !== 'string') return failed(field, 'must be a string');
  const name = raw.normalize('NFC').trim();
  if (name.length === 0) return failed(field, 'must not be empty');
  if (name.length > PERSON_NAME_MAX_LENGTH)
    return failed(field, `must be at most ${PERSON_NAME_MAX_LENGTH} characters`);
  const problem = humanTextProblem(name);
  if (problem) return failed(field, problem);
  return { value: name, errors: [] };
}

/**
 * Composed (NFC), trimmed and lower-cased: the form two emails are compared in, so uniqueness
 * ignores case, and 'josé@' typed composed or decomposed is one address.
 */
export function checkEmail(raw: unknown, field: string): Checked<string> {
  if (typeof raw !== 'string') return failed(field, 'must be a string');
  const problem = humanTextProblem(raw);
  if (problem) return failed(field, problem);
  const email = raw.normalize('NFC').trim().toLowerCase();
  if (email.length > EMAIL_MAX_LENGTH) return failed(field, `must be at most ${EMAIL_MAX_LENGTH} characters`);
  if (!isEmailAddress(email)) return failed(field, 'must be an email address such as name@example.com');
  return { value: email, errors: [] };
}

/** Optional: undefined, null or blank means no phone (null). Digits and + . - ( ) and spaces. */
export function checkPhone(raw: unknown, field: string): Checked<string | null> {
  if (raw === undefined || raw === null) return { value: null, errors: [] };
  if (typeof raw !== 'string') return failed(field, 'must be a string or null');
  const phone = raw.trim();
  if (phone === '') return { value: null, errors: [] };
  if (!isPhoneNumber(phone))
    return failed(
      field,
      `must hold ${PHONE_MIN_DIGITS}-${PHONE_MAX_DIGITS} digits, with only spaces and + . - ( ) besides`,
    );
  return { value: phone, errors: [] };
}

export function checkLanguage(raw: unknown, field: string): Checked<Language> {
  if (typeof raw !== 'string' || !(LANGUAGES as readonly string[]).includes(raw))
    return failed(field, `must be one of ${LANGUAGES.join(', ')}`);
  return { value: raw as Language, errors: [] };
}

type Checks<T> = { [K in keyof T]: (raw: unknown, field: string) => Checked<T[K]> };

/**
 * Runs each field's check on `raw[field]`. `partial`: an absent (undefined) field is left out
 * instead of checked, for a PATCH.
 */
export function checkFields<T extends object>(
  raw: unknown,
  prefix: string,
  checks: Checks<T>,
  { partial }: { partial: boolean },
): Checked<T> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return failed(prefix || 'body', 'must be an object');
  const input = raw as Record<string, unknown>;
  const value: Partial<T> = {};
  const errors: FieldError[] = [];
  for (const key of Object.keys(checks) as (keyof T & string)[]) {
    if (partial && input[key] === undefined) continue;
    const checked = checks[key](input[key], fieldOf(prefix, key));
    errors.push(...checked.errors);
    if (checked.errors.length === 0) value[key] = checked.value;
  }
  return errors.length ? { errors } : { value: value as T, errors };
}

const CONTACT_CHECKS: Checks<ContactDetails> = {
  firstName: checkPersonName,
  lastName: checkPersonName,
  email: checkEmail,
  phone: checkPhone,
  language: checkLanguage,
};

/** A new contact: {firstName, lastName, email, phone?, language}. */
export function checkContactDetails(raw: unknown, prefix: string): Checked<ContactDetails> {
  return checkFields(raw, prefix, CONTACT_CHECKS, { partial: false });
}

/** A PATCH of a contact: every field optional; `phone: null` (or blank) removes the phone. */
export function checkContactChanges(raw: unknown, prefix: string): Checked<Partial<ContactDetails>> {
  return checkFields(raw, prefix, CONTACT_CHECKS, { partial: true });
}

/** The checked value, or a ValidationError naming every bad field. */
export function validOrThrow<T>(checked: Checked<T>): T {
  if (checked.errors.length > 0 || checked.value === undefined) throw new ValidationError(checked.errors);
  return checked.value;
}
