import type { FormAnswers, FormAnswerValue, FormQuestion, FormSection } from '@dossiers/events';
import { checked, invalid, type Checked } from '../shared/checked';
import type { FieldError } from '../shared/domain-errors';
import { isPlainObject } from '../templates/field-values';

export const ANSWER_TEXT_MAX_LENGTH = 2000;
export const ANSWER_LONGTEXT_MAX_LENGTH = 20_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const questionsOf = (sections: readonly FormSection[]) => sections.flatMap((s) => s.questions);

const isCalendarDate = (value: string) =>
  ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

const text = (value: unknown, max: number) =>
  typeof value !== 'string'
    ? 'must be a string'
    : value.length > max
      ? `must be at most ${max} characters`
      : null;

/** Why `value` is not an answer to `question`, or null. */
function answerProblem(question: FormQuestion, value: unknown): string | null {
  switch (question.type) {
    case 'text':
      return text(value, ANSWER_TEXT_MAX_LENGTH);
    case 'longtext':
      return text(value, ANSWER_LONGTEXT_MAX_LENGTH);
    case 'file':
      // The name of a file the contact put in the client's folders (uploads go through the files API).
      return text(value, ANSWER_TEXT_MAX_LENGTH);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'yesno':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? null : 'must be a date YYYY-MM-DD';
    case 'select':
      return typeof value === 'string' && (question.options ?? []).includes(value)
        ? null
        : `must be one of ${JSON.stringify(question.options ?? [])}`;
  }
}

/** An answer left out: absent, null, or a blank string. */
const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The answers to a form's questions, each checked against its question (type, options); `complete`
 * (a submission) also requires every required question. Errors name `answers.<question key>`;
 * a key the form does not ask is refused too. Blank answers are left out of the result.
 */
export function checkFormAnswers(
  raw: unknown,
  sections: readonly FormSection[],
  { complete }: { complete: boolean },
): Checked<FormAnswers> {
  if (!isPlainObject(raw)) return invalid('answers', 'must be an object {<question key>: value}');
  const questions = new Map(questionsOf(sections).map((q) => [q.key, q]));
  const errors: FieldError[] = Object.keys(raw)
    .filter((key) => !questions.has(key))
    .map((key) => ({ field: `answers.${key}`, message: 'is not a question of this form' }));
  const answers: FormAnswers = {};
  for (const [key, question] of questions) {
    const value = raw[key];
    if (isBlank(value)) {
      if (complete && question.required) errors.push({ field: `answers.${key}`, message: 'is required' });
      continue;
    }
    const problem = answerProblem(question, value);
    if (problem) errors.push({ field: `answers.${key}`, message: problem });
    else answers[key] = value as FormAnswerValue;
  }
  return checked(answers, errors);
}
