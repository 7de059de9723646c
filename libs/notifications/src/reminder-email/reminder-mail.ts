import type { Language } from '@dossiers/events';
import type { MailDeliveryDoc } from '../deliveries/mail-delivery.document';
import type { RecipientLookup } from '../reactor/recipient-lookup';

export type ReminderMailPrepared =
  { to: string; subject: string; text: string; html: string; language: Language } | { reason: string };

/**
 * A reminder's copy for one recipient: the texts its occurrence rendered, as they are (a plain
 * text part always), to the contact's email of now, read from its stream. No contact (erased,
 * another firm's) or no address: it can never be sent, and says why.
 */
export async function prepareReminderMail(
  delivery: MailDeliveryDoc,
  recipients: RecipientLookup,
): Promise<ReminderMailPrepared> {
  const { reminder } = delivery;
  if (!reminder) return { reason: 'The reminder mail has no content' };
  const contact = await recipients.contact(delivery.tenant, delivery.contactId);
  if (!contact) return { reason: 'The contact does not exist or was erased' };
  const to = contact.details.email?.trim();
  if (!to) return { reason: 'The contact has no email' };
  const { subject, text, html } = reminder;
  return { to, subject, text, html, language: delivery.language ?? contact.details.language };
}
