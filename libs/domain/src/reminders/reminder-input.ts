import { LANGUAGES, type Language, type ReminderRecipients } from '@dossiers/events';
import { checked, invalid, valid, type Checked } from '../shared/checked';
import type { FieldError } from '../shared/domain-errors';
import { checkUuid } from '../shared/ids';
import { isPlainObject } from '../templates/field-values';
import { checkReminderText, type ReminderTexts } from './reminder-texts';

/** More recipients than any client has contacts: a list past it is a mistake, not a reminder. */
export const MAX_RECIPIENTS = 500;

/** 'all', or a non-empty list of distinct contact ids (whether they are attached is the decider's business). */
export function checkRecipients(raw: unknown, field = 'recipients'): Checked<ReminderRecipients> {
  if (raw === 'all') return valid('all');
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_RECIPIENTS)
    return invalid(field, `must be 'all' or a list of 1-${MAX_RECIPIENTS} contact ids`);
  const errors = raw.flatMap((id, i) => checkUuid(id, `${field}[${i}]`).errors);
  const ids = raw.map((id) => String(id).toLowerCase());
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) errors.push({ field: `${field}[${i}]`, message: 'is listed twice' });
  });
  return checked(ids, errors);
}

function perLanguage(raw: unknown, field: string, errors: FieldError[]): Record<string, unknown> {
  if (raw === undefined) return {};
  if (raw === null) {
    errors.push({ field, message: 'must not be null: leave it out' });
    return {};
  }
  if (isPlainObject(raw)) {
    for (const language of Object.keys(raw))
      if (!(LANGUAGES as readonly string[]).includes(language))
        errors.push({
          field: `${field}.${language}`,
          message: `is not a language: use ${LANGUAGES.join(', ')}`,
        });
    return raw;
  }
  errors.push({ field, message: 'must be an object {<language>: text}' });
  return {};
}

/**
 * The template's texts with the firm's customisation: `subject` and `body` per language replace the
 * template's; a language the template lacks needs both. Each problem names `subject.<language>` or
 * `body.<language>`, placeholders checked as in a template.
 */
export function checkCustomisedTexts(
  templateTexts: ReminderTexts,
  rawSubject: unknown,
  rawBody: unknown,
): Checked<ReminderTexts> {
  const errors: FieldError[] = [];
  const subjects = perLanguage(rawSubject, 'subject', errors);
  const bodies = perLanguage(rawBody, 'body', errors);
  const texts: ReminderTexts = { ...templateTexts };
  const customised = new Set([...Object.keys(subjects), ...Object.keys(bodies)]);
  for (const language of LANGUAGES.filter((l) => customised.has(l))) {
    const base = templateTexts[language as Language];
    const text = {
      subject: Object.hasOwn(subjects, language) ? subjects[language] : base?.subject,
      body: Object.hasOwn(bodies, language) ? bodies[language] : base?.body,
    };
    const result = checkReminderText(text, language);
    // checkReminderText names `<language>.subject`: here the request's `subject.<language>`.
    errors.push(...result.errors.map((e) => ({ ...e, field: e.field.split('.').reverse().join('.') })));
    if (result.value) texts[language as Language] = result.value;
  }
  return checked(texts, errors);
}
