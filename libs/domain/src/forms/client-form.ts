import type { FormAnswers, FormEvent, FormRecipients, LanguageTexts } from '@dossiers/events';

/** A form of the client, as its commands need it (the read model keeps the details shown). */
export type ClientForm = {
  templateId: string;
  formName: string;
  title: string;
  message: string | null;
  /** for a scheduled form: the template's messages per language, copied when scheduled */
  messages: LanguageTexts;
  status: 'scheduled' | 'sent' | 'answered';
  /** whether it was answered: what a reminder chasing it stops on */
  answered: boolean;
  /** for a scheduled form: whom it goes to and when */
  recipients: FormRecipients;
  sendAt: string | null;
  /** the contacts it was mailed to (their links) */
  contactIds: string[];
  /** contactId -> the message as rendered in their mail (what their link shows) */
  texts: Record<string, string>;
  /** contacts who opened it (FormOpened is recorded once per contact) */
  openedBy: string[];
  /** the last draft per contact */
  drafts: Record<string, FormAnswers>;
};

export function evolveForm(form: ClientForm | undefined, event: FormEvent): ClientForm | undefined {
  switch (event.type) {
    case 'FormScheduled': {
      const {
        formTemplateId: templateId,
        formName,
        title,
        message,
        messages,
        recipients,
        sendAt,
      } = event.data;
      const base = { templateId, formName, title, message, messages, recipients, sendAt };
      return {
        ...base,
        status: 'scheduled',
        answered: false,
        contactIds: [],
        texts: {},
        openedBy: [],
        drafts: {},
      };
    }
    case 'FormSent': {
      const { formTemplateId: templateId, formName, title, message, contactIds, recipients } = event.data;
      const texts = Object.fromEntries(recipients.map((r) => [r.contactId, r.text]));
      return {
        ...{ recipients: contactIds, sendAt: null, messages: {}, openedBy: [], drafts: {} },
        ...form,
        ...{ templateId, formName, title, message, contactIds, texts },
        status: 'sent',
        answered: false,
      };
    }
    case 'FormOpened':
      return form && { ...form, openedBy: [...form.openedBy, event.data.contactId] };
    case 'FormDraftSaved':
      return form && { ...form, drafts: { ...form.drafts, [event.data.contactId]: event.data.answers } };
    case 'FormAnswered':
      return form && { ...form, status: 'answered', answered: true, drafts: {} };
  }
}

export function evolveForms(forms: Record<string, ClientForm>, event: FormEvent): Record<string, ClientForm> {
  const form = evolveForm(forms[event.data.formId], event);
  return form ? { ...forms, [event.data.formId]: form } : forms;
}
