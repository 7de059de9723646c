/**
 * Forms sent to a client's contacts: events of the Client aggregate (stream `client-<clientId>`,
 * part of ClientEvent), so answering, the report's folders and file, and the reminders chasing the
 * form are decided on one state.
 */

import type { ReminderDelivery } from './client-reminder.events';
import type { LanguageTexts } from './template.events';

/** A question's answer: text, longtext, date (YYYY-MM-DD), select and file as strings; number; yesno as a boolean. */
export type FormAnswerValue = string | number | boolean;
/** question key -> answer */
export type FormAnswers = Record<string, FormAnswerValue>;

/** 'all': the contacts attached when the form goes out; otherwise those of the list still attached then. */
export type FormRecipients = 'all' | string[];

/**
 * A form mailed to its recipients now. v2 added `title` (the form's name unless given), `message`
 * (the firm's own message for every language, null: the template's per language) and
 * `recipients`, each with the mail it gets (subject = title, the message rendered in their
 * language; the mail reactor adds the link). `contactIds` lists the same contacts.
 */
export type FormSent = {
  type: 'FormSent';
  data: {
    clientId: string;
    formId: string;
    formTemplateId: string;
    formName: string;
    contactIds: string[];
    title: string;
    message: string | null;
    recipients: ReminderDelivery[];
  };
};

/**
 * A form to send at `sendAt`: the scheduler then runs SendScheduledForm, which records FormSent.
 * `messages`: the template's messages, copied now (the mails are rendered when it goes out).
 */
export type FormScheduled = {
  type: 'FormScheduled';
  data: {
    clientId: string;
    formId: string;
    formTemplateId: string;
    formName: string;
    title: string;
    message: string | null;
    messages: LanguageTexts;
    recipients: FormRecipients;
    sendAt: string;
  };
};

/** The contact first opened the form's link. */
export type FormOpened = {
  type: 'FormOpened';
  data: { clientId: string; formId: string; contactId: string };
};

/** The contact's answers so far (replacing an earlier draft), each checked against its question. */
export type FormDraftSaved = {
  type: 'FormDraftSaved';
  data: { clientId: string; formId: string; contactId: string; answers: FormAnswers };
};

/** The contact submitted the form; its report is the file `fileId` (FileUploaded right after). */
export type FormAnswered = {
  type: 'FormAnswered';
  data: { clientId: string; formId: string; contactId: string; answers: FormAnswers; fileId: string };
};

export type FormEvent = FormSent | FormScheduled | FormOpened | FormDraftSaved | FormAnswered;
