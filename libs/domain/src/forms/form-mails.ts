import type { FormRecipients, Language, LanguageTexts, ReminderDelivery } from '@dossiers/events';
import type { ActiveClient } from '../client/client.state';
import { renderHtml, renderText } from '../reminders/placeholders';
import type { ReminderPeople } from '../reminders/reminder-deliveries';

/** What a form's mails are rendered with besides the client's state (as for reminders), read when it goes out. */
export type FormRenderInputs = {
  /** the recipients' names; absent (the wizard): every attached contact, names blank */
  people?: ReminderPeople;
  firmName?: string;
  /** the firm's zone, for dates in the message */
  timeZone?: string;
};

/** What a form's mail says: its subject, and the firm's message (one for every language, or the template's per language). */
export type FormMailTexts = { title: string; message: string | null; messages: LanguageTexts };

/** The contacts a form goes to now: those attached (all, or those of the list), less any the directory no longer knows. */
export function formRecipients(
  recipients: FormRecipients,
  client: ActiveClient,
  people: ReminderPeople | undefined,
): string[] {
  const chosen =
    recipients === 'all' ? Object.keys(client.contacts) : recipients.filter((id) => id in client.contacts);
  return people ? chosen.filter((id) => Object.hasOwn(people, id)) : chosen;
}

/** The template's message in the contact's language, else French, else English, else none. */
function messageFor(texts: FormMailTexts, language: Language): string {
  if (texts.message !== null) return texts.message;
  return texts.messages[language] ?? texts.messages.fr ?? texts.messages.en ?? '';
}

/** Each recipient's mail, in their language (the client's choice for them), placeholders rendered with the values of now. */
export function renderFormMails(
  client: ActiveClient,
  contactIds: string[],
  texts: FormMailTexts,
  { people, firmName = '', timeZone = 'Europe/Paris' }: FormRenderInputs,
): ReminderDelivery[] {
  return contactIds.map((contactId) => {
    const language = client.contacts[contactId];
    const body = messageFor(texts, language);
    const values = {
      client: { name: client.name },
      contact: people?.[contactId] ?? { firstName: '', lastName: '' },
      dueDate: null,
      firm: { name: firmName },
      attributes: client.attributes,
    };
    const locale = { language, timeZone };
    return {
      contactId,
      language,
      subject: texts.title.replace(/\s+/g, ' ').trim(),
      text: renderText(body, values, locale),
      html: renderHtml(body, values, locale),
    };
  });
}
