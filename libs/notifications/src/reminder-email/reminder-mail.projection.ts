import type { ClientEvent } from '@dossiers/events';
import type { Recorded } from '@dossiers/read-models';
import { derivedDeliveryId } from '../deliveries/derived-id';
import type { MailDeliveryDoc } from '../deliveries/mail-delivery.document';
import { outboxProjection, type PendingDelivery } from '../deliveries/outbox-projection';

type OccurrenceSent = Extract<ClientEvent, { type: 'ReminderOccurrenceSent' }>;

/** One document per occurrence sent: its deliveries, which it derives into the outbox. */
export const REMINDER_MAIL_OCCURRENCES_COLLECTION = 'reminder_mail_occurrences';

/** One delivery per recipient of an occurrence: its id from the event's and the contact's. */
export const reminderDeliveryId = (eventId: string, contactId: string) =>
  derivedDeliveryId(eventId, `reminder/${contactId}`);

function deliveriesOf(event: Recorded<OccurrenceSent>, pending: PendingDelivery): MailDeliveryDoc[] {
  const { clientId, reminderId, kind, occurrence, recipients } = event.data;
  const { tenant, occurredAt } = event.metadata;
  return recipients.map(({ contactId, language, subject, text, html }) => ({
    _id: reminderDeliveryId(event.id, contactId),
    tenant,
    kind: 'reminder',
    clientId,
    contactId,
    language,
    createdAt: occurredAt,
    // No link to expire: the instant it was asked for.
    expiresAt: occurredAt,
    reminder: { reminderId, occurrenceKind: kind, occurrence, subject, text, html },
    ...pending(),
  }));
}

/**
 * The mails of a reminder occurrence (ReminderOccurrenceSent): one delivery per recipient, in a
 * retained derived collection (the outbox), so each is written once, when its occurrence is first
 * read, and then left as the sender leaves it. The event's rendered texts are sent as they are;
 * the address is the contact's, read when the mail goes out.
 */
export function reminderMailProjection(pending: PendingDelivery) {
  return outboxProjection({
    // Its own checkpoint: from the store's first occurrence on, each mailed once.
    name: 'reminder-mail',
    collection: REMINDER_MAIL_OCCURRENCES_COLLECTION,
    eventType: 'ReminderOccurrenceSent',
    deliveriesOf: (event) => deliveriesOf(event, pending),
  });
}
