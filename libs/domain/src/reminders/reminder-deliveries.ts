import type { Language, ReminderDelivery, ReminderTemplateTexts } from '@dossiers/events';
import type { ActiveClient } from '../client/client.state';
import type { ClientReminder } from './client-reminder';
import { renderHtml, renderText } from './placeholders';

/** The people an occurrence may go to, as the directory has them when it falls due. */
export type ReminderPeople = Record<string, { firstName: string; lastName: string }>;
/** What rendering needs besides the client's state: its recipients' names and the firm's name. */
export type ReminderRenderInputs = { people: ReminderPeople; firmName: string };

/**
 * The contacts an occurrence goes to: all those attached now, or those of the list still attached;
 * one the directory no longer knows (erased) is left out.
 */
export function reminderRecipients(
  reminder: ClientReminder,
  client: ActiveClient,
  people: ReminderPeople,
): string[] {
  const attached = Object.keys(client.contacts);
  const chosen =
    reminder.recipients === 'all' ? attached : reminder.recipients.filter((id) => id in client.contacts);
  return chosen.filter((id) => Object.hasOwn(people, id));
}

/** The contact's language when the texts have it, else French, else English (one of them is always there). */
function languageFor(texts: ReminderTemplateTexts, wanted: Language): Language {
  if (texts[wanted]) return wanted;
  return texts.fr ? 'fr' : 'en';
}

/** Each recipient's copy, rendered in their language with the client's values of now. */
export function renderDeliveries(
  reminder: ClientReminder,
  client: ActiveClient,
  contactIds: string[],
  dueAt: string,
  { people, firmName }: ReminderRenderInputs,
): ReminderDelivery[] {
  return contactIds.map((contactId) => {
    const language = languageFor(reminder.texts, client.contacts[contactId]);
    const { subject, body } = reminder.texts[language]!;
    const values = {
      client: { name: client.name },
      contact: people[contactId],
      dueDate: dueAt,
      firm: { name: firmName },
      attributes: client.attributes,
    };
    const locale = { language, timeZone: reminder.calendar.timeZone };
    return {
      contactId,
      language,
      // A subject is one line: a value holding a newline must not start a mail header.
      subject: renderText(subject, values, locale).replace(/\s+/g, ' ').trim(),
      text: renderText(body, values, locale),
      html: renderHtml(body, values, locale),
    };
  });
}
