import type { ClientEvent } from '@dossiers/events';
import type { Recorded } from '@dossiers/read-models';
import { derivedDeliveryId } from '../deliveries/derived-id';
import type { MailDeliveryDoc } from '../deliveries/mail-delivery.document';
import { outboxProjection, type PendingDelivery } from '../deliveries/outbox-projection';
import { formLinkExpiry } from './form-token';

type FormSent = Extract<ClientEvent, { type: 'FormSent' }>;

/** One document per form sent: its deliveries, which it derives into the outbox. */
export const FORM_MAIL_SENDS_COLLECTION = 'form_mail_sends';

/** One delivery per recipient of a form: its id from the event's and the contact's. */
export const formDeliveryId = (eventId: string, contactId: string) =>
  derivedDeliveryId(eventId, `form/${contactId}`);

function deliveriesOf(event: Recorded<FormSent>, pending: PendingDelivery): MailDeliveryDoc[] {
  const { clientId, formId, recipients } = event.data;
  const { tenant, occurredAt } = event.metadata;
  const expiresAt = new Date(formLinkExpiry(occurredAt) * 1000).toISOString();
  return recipients.map(({ contactId, language, subject, text, html }) => ({
    _id: formDeliveryId(event.id, contactId),
    tenant,
    kind: 'form',
    clientId,
    contactId,
    language,
    createdAt: occurredAt,
    expiresAt,
    form: { formId, subject, text, html },
    ...pending(),
  }));
}

/**
 * The mails of a form sent (FormSent): one delivery per recipient, written once into the outbox
 * (a retained derived collection), as reminders' are. The sender adds the signed link.
 */
export function formMailProjection(pending: PendingDelivery) {
  return outboxProjection({
    name: 'form-mail',
    collection: FORM_MAIL_SENDS_COLLECTION,
    eventType: 'FormSent',
    deliveriesOf: (event) => deliveriesOf(event, pending),
  });
}
