import { FORM_QUESTION_TYPES, type FormQuestion, type FormSection } from '@dossiers/events';
import { checked, invalid, type Checked } from '../shared/checked';
import type { FieldError } from '../shared/domain-errors';
import { checkTypedEntry, checkHumanText, checkOnlyKnown, isPlainObject, rawKeyOf } from './field-values';

export const MAX_FORM_SECTIONS = 50;
export const MAX_SECTION_QUESTIONS = 100;
export const SECTION_TITLE_MAX_LENGTH = 200;
export const QUESTION_KEY_MAX_LENGTH = 100;
export const QUESTION_LABEL_MAX_LENGTH = 500;
const checkQuestion = (raw: unknown, field: string): Checked<FormQuestion> =>
  checkTypedEntry(raw, field, {
    types: FORM_QUESTION_TYPES,
    keyMax: QUESTION_KEY_MAX_LENGTH,
    labelMax: QUESTION_LABEL_MAX_LENGTH,
  });

/** `keys`: the question keys met so far in the whole form (key -> where), to refuse repeats. */
function checkSection(raw: unknown, field: string, keys: Map<string, string>): Checked<FormSection> {
  if (!isPlainObject(raw)) return invalid(field, 'must be an object {title, questions}');
  const errors = [...checkOnlyKnown(raw, ['title', 'questions'], field).errors];
  const title = checkHumanText(raw.title, `${field}.title`, SECTION_TITLE_MAX_LENGTH);
  errors.push(...title.errors);
  if (
    !Array.isArray(raw.questions) ||
    raw.questions.length === 0 ||
    raw.questions.length > MAX_SECTION_QUESTIONS
  ) {
    errors.push({
      field: `${field}.questions`,
      message: `must be a list of 1-${MAX_SECTION_QUESTIONS} questions`,
    });
    return invalid(errors);
  }
  const questions: FormQuestion[] = [];
  raw.questions.forEach((item, index) => {
    const questionField = `${field}.questions.${index}`;
    const question = checkQuestion(item, questionField);
    errors.push(...question.errors);
    const key = rawKeyOf(item);
    const first = key === undefined ? undefined : keys.get(key);
    if (first) errors.push({ field: `${questionField}.key`, message: `duplicates ${first}` });
    else if (key !== undefined) keys.set(key, `${questionField}.key`);
    if (question.value) questions.push(question.value);
  });
  return checked({ title: title.value!, questions }, errors);
}

/** A form template's sections: 1-50, each with a title and 1-100 questions; question keys unique across the form. */
export function checkFormSections(raw: unknown, field: string): Checked<FormSection[]> {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_FORM_SECTIONS)
    return invalid(field, `must be a list of 1-${MAX_FORM_SECTIONS} sections`);
  const errors: FieldError[] = [];
  const keys = new Map<string, string>();
  const sections: FormSection[] = [];
  raw.forEach((item, index) => {
    const section = checkSection(item, `${field}.${index}`, keys);
    errors.push(...section.errors);
    if (section.value) sections.push(section.value);
  });
  return checked(sections, errors);
}
