import {
  FORM_QUESTION_TYPES,
  type FormQuestion,
  type FormQuestionType,
  type FormSection,
} from '@dossiers/events';
import type { FieldError } from '../shared/domain-errors';
import {
  checkKnownProperties,
  checkOptions,
  checkRequiredFlag,
  checkText,
  isPlainObject,
  rawKeyOf,
} from './field-values';

export const MAX_FORM_SECTIONS = 50;
export const MAX_SECTION_QUESTIONS = 100;
export const SECTION_TITLE_MAX_LENGTH = 200;
export const QUESTION_KEY_MAX_LENGTH = 100;
export const QUESTION_LABEL_MAX_LENGTH = 500;

function checkQuestion(raw: unknown, field: string, errors: FieldError[]): FormQuestion | undefined {
  if (!isPlainObject(raw)) {
    errors.push({ field, message: 'must be an object {key, label, type, options?, required?}' });
    return undefined;
  }
  const before = errors.length;
  checkKnownProperties(raw, ['key', 'label', 'type', 'options', 'required'], field, errors);
  const key = checkText(raw.key, `${field}.key`, QUESTION_KEY_MAX_LENGTH, errors);
  const label = checkText(raw.label, `${field}.label`, QUESTION_LABEL_MAX_LENGTH, errors);
  const type = raw.type as FormQuestionType;
  if (!FORM_QUESTION_TYPES.includes(type))
    errors.push({ field: `${field}.type`, message: `must be one of ${FORM_QUESTION_TYPES.join(', ')}` });
  const options = checkOptions(raw.options, type, `${field}.options`, errors);
  const required = checkRequiredFlag(raw.required, `${field}.required`, errors);
  if (errors.length > before) return undefined;
  return { key: key!, label: label!, type, ...(options ? { options } : {}), required };
}

function checkSection(
  raw: unknown,
  field: string,
  keys: Map<string, string>,
  errors: FieldError[],
): FormSection | undefined {
  if (!isPlainObject(raw)) {
    errors.push({ field, message: 'must be an object {title, questions}' });
    return undefined;
  }
  checkKnownProperties(raw, ['title', 'questions'], field, errors);
  const title = checkText(raw.title, `${field}.title`, SECTION_TITLE_MAX_LENGTH, errors);
  if (
    !Array.isArray(raw.questions) ||
    raw.questions.length === 0 ||
    raw.questions.length > MAX_SECTION_QUESTIONS
  ) {
    errors.push({
      field: `${field}.questions`,
      message: `must be a list of 1-${MAX_SECTION_QUESTIONS} questions`,
    });
    return undefined;
  }
  const questions: FormQuestion[] = [];
  raw.questions.forEach((item, index) => {
    const questionField = `${field}.questions.${index}`;
    const question = checkQuestion(item, questionField, errors);
    const key = rawKeyOf(item);
    const first = key === undefined ? undefined : keys.get(key);
    if (first) errors.push({ field: `${questionField}.key`, message: `duplicates ${first}` });
    else if (key !== undefined) keys.set(key, `${questionField}.key`);
    if (question) questions.push(question);
  });
  return title === undefined ? undefined : { title, questions };
}

/** A form template's sections: 1-50, each with a title and 1-100 questions; question keys unique across the form. */
export function checkFormSections(
  raw: unknown,
  field: string,
): { value?: FormSection[]; errors: FieldError[] } {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_FORM_SECTIONS)
    return { errors: [{ field, message: `must be a list of 1-${MAX_FORM_SECTIONS} sections` }] };
  const errors: FieldError[] = [];
  const keys = new Map<string, string>();
  const sections: FormSection[] = [];
  raw.forEach((item, index) => {
    const section = checkSection(item, `${field}.${index}`, keys, errors);
    if (section) sections.push(section);
  });
  return errors.length ? { errors } : { value: sections, errors };
}
