import { humanTextProblem } from './normalize-text';

/**
 * The one definition of an email address and a phone number, for contacts, collaborators, sheet
 * fields and connector settings alike.
 */
export const EMAIL_MAX_LENGTH = 254;
export const PHONE_MIN_DIGITS = 6;
export const PHONE_MAX_DIGITS = 20;

/** Pragmatic, not RFC 5322: one @, no spaces, a dot in the domain with no empty label. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE = /^[0-9 +.\-()]+$/;

/** Within the text policy too (humanTextProblem): no control, bidi or lone surrogate character. */
export function isEmailAddress(value: string): boolean {
  return value.length <= EMAIL_MAX_LENGTH && EMAIL.test(value) && humanTextProblem(value) === null;
}

/** Digits with the usual separators (spaces, + . - ( )), 6 to 20 digits. */
export function isPhoneNumber(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return PHONE.test(value) && digits >= PHONE_MIN_DIGITS && digits <= PHONE_MAX_DIGITS;
}
