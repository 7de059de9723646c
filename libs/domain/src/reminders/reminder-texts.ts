import { LANGUAGES, type Language } from '@dossiers/events';
import { checkAll, checked, invalid, mapChecked, thenCheck, valid, type Checked } from '../shared/checked';
import type { FieldError } from '../shared/domain-errors';
import { humanTextProblem } from '../shared/normalize-text';
import { checkHumanText, checkOnlyKnown, isPlainObject } from '../templates/field-values';
import { checkTemplateText } from './placeholders';

/** A reminder's subject and body in one language, placeholders included. */
export type ReminderText = { subject: string; body: string };
/** The texts per language: any of LANGUAGES, fr or en among them. */
export type ReminderTexts = Partial<Record<Language, ReminderText>>;

export const SUBJECT_MAX_LENGTH = 200;
export const BODY_MAX_LENGTH = 10_000;

/**
 * A body: NFC, trimmed, line ends as \n, 1 to 10,000 characters, within the text policy once its
 * newlines and tabs (which a body may hold, unlike a name) are read as spaces.
 */
function checkBody(raw: unknown, field: string): Checked<string> {
  if (typeof raw !== 'string') return invalid(field, 'must be a string');
  const body = raw.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (body.length === 0 || body.length > BODY_MAX_LENGTH)
    return invalid(field, `must be 1-${BODY_MAX_LENGTH} characters`);
  const problem = humanTextProblem(body.replace(/[\n\t]/g, ' '));
  return problem ? invalid(field, problem) : valid(body);
}

/** A body whose placeholders are known and well formed (a reminder's, a form email's message). */
export function checkTemplateBody(raw: unknown, field: string): Checked<string> {
  return thenCheck(checkBody(raw, field), (value) => checkTemplateText(value, field));
}

/** One language's `{subject, body}`, each a text whose placeholders are known and well formed. */
export function checkReminderText(raw: unknown, field: string): Checked<ReminderText> {
  if (!isPlainObject(raw)) return invalid(field, 'must be an object {subject, body}');
  const subject = checkHumanText(raw.subject, `${field}.subject`, SUBJECT_MAX_LENGTH);
  const parts = checkAll({
    known: checkOnlyKnown(raw, ['subject', 'body'], field),
    subject: thenCheck(subject, (value) => checkTemplateText(value, `${field}.subject`)),
    body: checkTemplateBody(raw.body, `${field}.body`),
  });
  return mapChecked(parts, ({ subject, body }) => ({ subject, body }));
}

/**
 * An object `{<language>: entry}` whose keys are languages of LANGUAGES, each entry checked by
 * `check` under `<field>.<language>`: what a reminder's texts and a form's messages share.
 */
export function checkPerLanguage<T>(
  raw: Record<string, unknown>,
  field: string,
  check: (entry: unknown, field: string) => Checked<T>,
): Checked<Partial<Record<Language, T>>> {
  const errors: FieldError[] = [];
  const entries: Partial<Record<Language, T>> = {};
  for (const [language, entry] of Object.entries(raw)) {
    if (!(LANGUAGES as readonly string[]).includes(language)) {
      errors.push({
        field: `${field}.${language}`,
        message: `is not a language: use ${LANGUAGES.join(', ')}`,
      });
      continue;
    }
    const checkedEntry = check(entry, `${field}.${language}`);
    errors.push(...checkedEntry.errors);
    if (checkedEntry.value !== undefined) entries[language as Language] = checkedEntry.value;
  }
  return checked(entries, errors);
}

/** A template's texts: `{<language>: {subject, body}}` for languages of LANGUAGES, fr or en required. */
export function checkReminderTexts(raw: unknown, field = 'texts'): Checked<ReminderTexts> {
  if (!isPlainObject(raw)) return invalid(field, 'must be an object {<language>: {subject, body}}');
  const texts = checkPerLanguage(raw, field, checkReminderText);
  const errors = [...texts.errors];
  if (!Object.hasOwn(raw, 'fr') && !Object.hasOwn(raw, 'en'))
    errors.push({ field, message: 'needs a text in fr or en' });
  return checked(texts.value ?? {}, errors);
}
