import { LANGUAGES, type ContactDetails, type Language } from '@dossiers/events';
import { emailKey, humanTextProblem, identifierProblem } from '../shared/normalize-text';
import {
  EMAIL_MAX_LENGTH,
  isEmailAddress,
  isPhoneNumber,
  PHONE_MAX_DIGITS,
  PHONE_MIN_DIGITS,
} from '../shared/contact-points';
import { checked, fieldOf, invalid, valid, type Checked } from '../shared/checked';
import type { FieldError } from '../shared/domain-errors';

/**
 * Checks of a person's details (contacts, and collaborators: collaborator-values.ts). The client
 * wizard checks many contacts at once and reports every bad field (`contacts.2.email`).
 */

export const PERSON_NAME_MAX_LENGTH = 100;

/** A first or last name: composed form (NFC), trimmed, 1-100 characters, no control characters. */
export function checkPersonName(raw: unknown, field: string): Checked<string> {
  if (typeof raw !== 'string') return invalid(field, 'must be a string');
  const name = raw.normalize('NFC').trim();
  if (name.length === 0) return invalid(field, 'must not be empty');
  if (name.length > PERSON_NAME_MAX_LENGTH)
    return invalid(field, `must be at most ${PERSON_NAME_MAX_LENGTH} characters`);
  const problem = humanTextProblem(name);
  if (problem) return invalid(field, problem);
  return valid(name);
}

/**
 * In the form two emails are compared in (emailKey: NFKC, trimmed, lower-cased), so uniqueness
 * ignores case and width, and 'josé@' typed composed or decomposed is one address; invisible
 * characters are refused.
 */
export function checkEmail(raw: unknown, field: string): Checked<string> {
  if (typeof raw !== 'string') return invalid(field, 'must be a string');
  const problem = identifierProblem(raw);
  if (problem) return invalid(field, problem);
  const email = emailKey(raw);
  if (email.length > EMAIL_MAX_LENGTH)
    return invalid(field, `must be at most ${EMAIL_MAX_LENGTH} characters`);
  if (!isEmailAddress(email)) return invalid(field, 'must be an email address such as name@example.com');
  return valid(email);
}

/** Optional: undefined, null or blank means no phone (null). Digits and + . - ( ) and spaces. */
export function checkPhone(raw: unknown, field: string): Checked<string | null> {
  if (raw === undefined || raw === null) return valid(null);
  if (typeof raw !== 'string') return invalid(field, 'must be a string or null');
  const phone = raw.trim();
  if (phone === '') return valid(null);
  if (!isPhoneNumber(phone))
    return invalid(
      field,
      `must hold ${PHONE_MIN_DIGITS}-${PHONE_MAX_DIGITS} digits, with only spaces and + . - ( ) besides`,
    );
  return valid(phone);
}

export function checkLanguage(raw: unknown, field: string): Checked<Language> {
  if (typeof raw !== 'string' || !(LANGUAGES as readonly string[]).includes(raw))
    return invalid(field, `must be one of ${LANGUAGES.join(', ')}`);
  return valid(raw as Language);
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
    return invalid(prefix || 'body', 'must be an object');
  const input = raw as Record<string, unknown>;
  const value: Partial<T> = {};
  const errors: FieldError[] = [];
  for (const key of Object.keys(checks) as (keyof T & string)[]) {
    if (partial && input[key] === undefined) continue;
    const result = checks[key](input[key], fieldOf(prefix, key));
    errors.push(...result.errors);
    if (result.errors.length === 0) value[key] = result.value;
  }
  return checked(value as T, errors);
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
