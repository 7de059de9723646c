import type {
  Access,
  ClientEvent,
  FileContent,
  FormRecipients,
  FormSection,
  LanguageTexts,
} from '@dossiers/events';
import { validOrThrow } from '../shared/checked';
import { GoneError, NotFoundError, RuleViolationError, ValidationError } from '../shared/domain-errors';
import { fileFormat } from '../files/file-name';
import { checkFormAnswers } from '../forms/form-answers';
import { formRecipients, renderFormMails, type FormRenderInputs } from '../forms/form-mails';
import { reportFolder } from '../forms/form-report-folder';
import { activeOrNotFound, type ActiveClient, type ClientState } from './client.state';

/** What a form says and whom it goes to, as sent or scheduled. */
type FormSending = {
  template: { templateId: string; name: string; messages?: LanguageTexts };
  /** null or absent: the template's name */
  title?: string | null;
  /** one message for every language; null or absent: the template's message per language */
  message?: string | null;
  /** absent: every contact attached when it goes out */
  recipients?: FormRecipients;
};

/** A form template sent to the client's contacts now, or scheduled for `sendAt` (later than `now`). */
export type SendForm = {
  type: 'SendForm';
  clientId: string;
  formId: string;
  sendAt?: string | null;
  now?: string;
} & FormSending &
  FormRenderInputs;
/** What the scheduler runs when a scheduled form falls due; running it twice decides once. */
export type SendScheduledForm = {
  type: 'SendScheduledForm';
  clientId: string;
  formId: string;
  now: string;
} & FormRenderInputs;
/** The commands of a form's link, for the contact its token names. */
type FormLink = { clientId: string; formId: string; contactId: string };
export type OpenForm = { type: 'OpenForm' } & FormLink;
/** `answers` as sent, checked against `sections` (the template's questions); partial answers allowed. */
export type SaveFormDraft = { type: 'SaveFormDraft'; answers: unknown; sections: FormSection[] } & FormLink;
/**
 * A submission, its report already in the blob store (`report`): filed as file `fileId` in the
 * template's folder, the folders it lacks created with `newFolderIds` (an id per path).
 */
export type AnswerForm = {
  type: 'AnswerForm';
  answers: unknown;
  sections: FormSection[];
  targetFolderPath: string | null;
  newFolderIds: Record<string, string>;
  /** the firm's policy for new folders: `none` when locked, null to inherit */
  contactDefault: Access | null;
  fileId: string;
  report: FileContent & { name: string };
} & FormLink;
export type FormCommand = SendForm | SendScheduledForm | OpenForm | SaveFormDraft | AnswerForm;

function checkListedRecipients(recipients: FormRecipients, client: ActiveClient): void {
  if (recipients === 'all') return;
  const errors = recipients.flatMap((id, i) =>
    id in client.contacts ? [] : [{ field: `recipients[${i}]`, message: 'is not a contact of this client' }],
  );
  if (errors.length > 0) throw new ValidationError(errors);
}

type Sending = { title: string; message: string | null; messages: LanguageTexts; recipients: FormRecipients };
type Form = { templateId: string; formName: string } & Sending;

function formSent(client: ActiveClient, command: SendForm | SendScheduledForm, form: Form): ClientEvent {
  const contactIds = formRecipients(form.recipients, client, command.people);
  const recipients = renderFormMails(client, contactIds, form, command);
  const { clientId, formId } = command;
  const { templateId: formTemplateId, formName, title, message } = form;
  const data = { clientId, formId, formTemplateId, formName, contactIds, title, message, recipients };
  return { type: 'FormSent', data };
}

/** The same form id again is a retry (Idempotency-Key, the wizard decided again): nothing new. */
function sendForm(command: SendForm, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  if (client.forms[command.formId]) return [];
  const { clientId, formId, template, sendAt = null, now, recipients = 'all' } = command;
  checkListedRecipients(recipients, client);
  const form: Form = {
    templateId: template.templateId,
    formName: template.name,
    title: command.title ?? template.name,
    message: command.message ?? null,
    messages: template.messages ?? {},
    recipients,
  };
  if (sendAt === null || (now !== undefined && Date.parse(sendAt) <= Date.parse(now)))
    return [formSent(client, command, form)];
  const { templateId: formTemplateId, ...rest } = form;
  return [{ type: 'FormScheduled', data: { clientId, formId, formTemplateId, ...rest, sendAt } }];
}

/** Sent already (or never scheduled), or the client deleted: nothing to do; before its time: refused. */
function sendScheduledForm(command: SendScheduledForm, state: ClientState): ClientEvent[] {
  if (state.status === 'absent') throw new NotFoundError('client', command.clientId);
  const form = state.status === 'active' ? state.forms[command.formId] : undefined;
  if (state.status !== 'active' || form?.status !== 'scheduled') return [];
  if (Date.parse(command.now) < Date.parse(form.sendAt!))
    throw new RuleViolationError('FORM_NOT_DUE', `Form ${command.formId} is to be sent at ${form.sendAt}`);
  return [formSent(state, command, form)];
}

/**
 * The form a link opens: one mailed to this contact, who is still attached (else 404, like an
 * unknown link); once answered, 410 for every use of the link.
 */
export function formOfLink(state: ClientState, { clientId, formId, contactId }: FormLink) {
  const client = state.status === 'active' ? state : undefined;
  const form = client?.forms[formId];
  if (!client || !form || !form.contactIds.includes(contactId) || !(contactId in client.contacts))
    throw new NotFoundError('form', formId);
  if (form.answered) throw new GoneError('FORM_ALREADY_ANSWERED', 'This form has already been answered');
  return { client, form, clientId };
}

function openForm(command: OpenForm, state: ClientState): ClientEvent[] {
  const { form } = formOfLink(state, command);
  if (form.openedBy.includes(command.contactId)) return [];
  const { clientId, formId, contactId } = command;
  return [{ type: 'FormOpened', data: { clientId, formId, contactId } }];
}

function saveFormDraft(command: SaveFormDraft, state: ClientState): ClientEvent[] {
  formOfLink(state, command);
  const answers = validOrThrow(checkFormAnswers(command.answers, command.sections, { complete: false }));
  const { clientId, formId, contactId } = command;
  return [{ type: 'FormDraftSaved', data: { clientId, formId, contactId, answers } }];
}

/** The answers, the folders the report's folder needs, and the report: appended together. */
function answerForm(command: AnswerForm, state: ClientState): ClientEvent[] {
  const { client } = formOfLink(state, command);
  const answers = validOrThrow(checkFormAnswers(command.answers, command.sections, { complete: true }));
  const { clientId, formId, contactId, fileId, report } = command;
  const { folderId, created } = reportFolder(
    client.folders,
    command.targetFolderPath,
    command.newFolderIds,
    command.contactDefault,
  );
  const { name, ...content } = report;
  return [
    { type: 'FormAnswered', data: { clientId, formId, contactId, answers, fileId } },
    ...created.map((folder): ClientEvent => ({ type: 'FolderCreated', data: { clientId, ...folder } })),
    {
      type: 'FileUploaded',
      data: { clientId, fileId, folderId, name, format: fileFormat(name), version: 1, ...content },
    },
  ];
}

export function decideFormCommand(command: FormCommand, state: ClientState): ClientEvent[] {
  switch (command.type) {
    case 'SendForm':
      return sendForm(command, state);
    case 'SendScheduledForm':
      return sendScheduledForm(command, state);
    case 'OpenForm':
      return openForm(command, state);
    case 'SaveFormDraft':
      return saveFormDraft(command, state);
    case 'AnswerForm':
      return answerForm(command, state);
  }
}
