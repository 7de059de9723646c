import type { ReadStore } from '@dossiers/read-store';
import type { ReminderOccurrenceEntry } from '@dossiers/read-models';
import { MAIL_DELIVERIES_COLLECTION, type MailDeliveryDoc } from '@dossiers/notifications';
import type { ReminderMailStatus, ReminderOccurrenceItem } from './list-client-reminders.query';

const keyOf = (reminderId: string, kind: string, occurrence: number, contactId: string) =>
  `${reminderId}/${kind}/${occurrence}/${contactId}`;

/** Not in the outbox yet (the notifier has not read the occurrence): queued all the same. */
const QUEUED: ReminderMailStatus = { status: 'queued', reason: null, sentAt: null };

function statusOf(delivery: MailDeliveryDoc): ReminderMailStatus {
  if (delivery.status === 'pending') return QUEUED;
  const reason = delivery.status === 'sent' ? null : delivery.lastError;
  return { status: delivery.status, reason, sentAt: delivery.sentAt };
}

/**
 * The delivery status of every mail of a client's reminders, from the outbox (one query, by its
 * client_kind index): `withStatuses(reminderId, history)` gives each recipient of each sent
 * occurrence theirs.
 */
export async function reminderMailStatuses(readStore: ReadStore, tenant: string, clientId: string) {
  const deliveries = await readStore
    .collection<MailDeliveryDoc>(MAIL_DELIVERIES_COLLECTION)
    .find({ clientId, kind: 'reminder' });
  const byKey = new Map<string, ReminderMailStatus>();
  for (const delivery of deliveries) {
    if (delivery.tenant !== tenant || !delivery.reminder) continue;
    const { reminderId, occurrenceKind, occurrence } = delivery.reminder;
    byKey.set(keyOf(reminderId, occurrenceKind, occurrence, delivery.contactId), statusOf(delivery));
  }
  return (reminderId: string, history: ReminderOccurrenceEntry[]): ReminderOccurrenceItem[] =>
    history.map((entry) => ({
      ...entry,
      recipients: entry.recipients.map((recipient) => ({
        ...recipient,
        delivery: byKey.get(keyOf(reminderId, entry.kind, entry.occurrence, recipient.contactId)) ?? QUEUED,
      })),
    }));
}
