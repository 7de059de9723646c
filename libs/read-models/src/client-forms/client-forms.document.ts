import type { FormAnswers, Language } from '@dossiers/events';

export const CLIENT_FORMS_COLLECTION = 'client_forms';
export const DUE_FORMS_COLLECTION = 'due_forms';

export const FORM_STATUSES = ['scheduled', 'sent', 'opened', 'answered'] as const;
export type FormStatus = (typeof FORM_STATUSES)[number];

/** A form of the "Formulaires" tab. */
export interface FormView {
  formId: string;
  formTemplateId: string;
  /** the template's name when sent */
  name: string;
  title: string;
  status: FormStatus;
  /** 'all', or the contacts listed (for a scheduled form: whom it will go to) */
  sendTo: 'all' | 'list';
  /** whom it was mailed to, in which language; a scheduled form: the contacts listed, language null */
  recipients: { contactId: string; language: Language | null }[];
  scheduledAt: string | null;
  sendAt: string | null;
  sentAt: string | null;
  /** the first opening of a link */
  openedAt: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  /** the submitted answers (shown to the firm's people only) */
  answers: FormAnswers | null;
  /** the report filed in the client's folders */
  reportFileId: string | null;
}

/** One per client: its forms. */
export interface ClientFormsDoc {
  _id: string;
  tenant: string;
  clientId: string;
  deleted: boolean;
  forms: Record<string, FormView>;
  revision: number;
  [field: string]: unknown;
}

/** One per scheduled form not sent yet: what the schedulers poll, by `dueAt`, to run SendScheduledForm. */
export interface DueFormDoc {
  _id: string;
  tenant: string;
  clientId: string;
  formId: string;
  dueAt: string;
  [field: string]: unknown;
}

export const dueFormId = (clientId: string, formId: string) => `${clientId}/${formId}`;
