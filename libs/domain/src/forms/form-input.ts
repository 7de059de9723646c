import type { FormRecipients } from '@dossiers/events';
import { checkAll, invalid, valid, type Checked } from '../shared/checked';
import { checkHumanText } from '../templates/field-values';
import { checkRecipients } from '../reminders/reminder-input';
import { checkTemplateBody } from '../reminders/reminder-texts';
import { checkInstant } from '../reminders/schedule';

export const FORM_TITLE_MAX_LENGTH = 200;

/** The body of POST /clients/:id/forms besides the template, as sent. */
export type SendFormInput = { title?: unknown; message?: unknown; recipients?: unknown; sendAt?: unknown };
export type CheckedSendForm = {
  title: string | null;
  message: string | null;
  recipients: FormRecipients;
  sendAt: string | null;
};

/** Left out: null (the default); given, checked, and null is no value (the API says: leave it out). */
const optional = <T>(raw: unknown, field: string, check: (raw: unknown) => Checked<T>): Checked<T | null> =>
  raw === undefined
    ? valid(null)
    : raw === null
      ? invalid(field, 'must not be null: leave it out')
      : check(raw);

/** title (1-200 characters), message (a text with placeholders, as reminder bodies), recipients ('all' by default), sendAt (an instant). */
export function checkSendFormInput(input: SendFormInput): Checked<CheckedSendForm> {
  return checkAll({
    title: optional(input.title, 'title', (raw) => checkHumanText(raw, 'title', FORM_TITLE_MAX_LENGTH)),
    message: optional(input.message, 'message', (raw) => checkTemplateBody(raw, 'message')),
    recipients:
      input.recipients === undefined ? valid<FormRecipients>('all') : checkRecipients(input.recipients),
    sendAt: optional(input.sendAt, 'sendAt', (raw) => checkInstant(raw, 'sendAt')),
  });
}
