import type { ContactEvent, ClientEvent } from '@dossiers/events';
import { defineProjection, type Handled, type Projection, type Recorded } from '@dossiers/read-models';
import { activationExpiry } from '../activation-token/activation-token';
import { derivedDeliveryId } from '../deliveries/derived-id';
import { reminderMailProjection } from '../reminder-email/reminder-mail.projection';
import { formMailProjection } from '../form-email/form-mail.projection';
import {
  MAIL_DELIVERIES_COLLECTION,
  MAIL_DELIVERY_INDEXES,
  type MailDeliveryDoc,
} from '../deliveries/mail-delivery.document';

/** Where the reactors keep their checkpoints: beside their outbox, not among the projections' (a rebuild must not reset them). */
export const REACTOR_CHECKPOINTS_COLLECTION = 'reactor_checkpoints';

export interface MailDeliveryProjectionsOptions {
  activationTtlHours: number;
  /** when a new delivery falls due: at once, so the time it is recorded */
  now?: () => string;
}

const FIRST_MAILS = ['ContactInvited', 'ContactEmailChangeRequested'] as const satisfies readonly (
  ClientEvent | ContactEvent
)['type'][];
type FirstMailEvent = Handled<ClientEvent | ContactEvent, typeof FIRST_MAILS>;
type EmailChangeRequested = Recorded<Extract<ContactEvent, { type: 'ContactEmailChangeRequested' }>>;

/**
 * The outbox kept by the projection engine, like a read model but never rebuilt: each ContactInvited
 * becomes a pending activation delivery, and each ContactEmailChangeRequested two (the verification
 * link to the new address, the notice to the one in use), each its own document. The engine commits
 * a batch's deliveries with the checkpoints (kept in REACTOR_CHECKPOINTS_COLLECTION), so a crash
 * keeps both or neither; and a delivery already there (same id, from the event id) is left as the
 * sender left it. No mail is lost, none is recorded twice.
 */
export function mailDeliveryProjections({
  activationTtlHours,
  now = () => new Date().toISOString(),
}: MailDeliveryProjectionsOptions): Projection[] {
  const pending = () => ({
    status: 'pending' as const,
    attempts: 0,
    nextAttemptAt: now(),
    lastError: null,
    sentAt: null,
    messageId: null,
    message: null,
  });

  const activation = (event: Recorded<Extract<ClientEvent, { type: 'ContactInvited' }>>): MailDeliveryDoc => {
    const { clientId, contactId, language } = event.data;
    const expiresAt = activationExpiry(event.metadata.occurredAt, activationTtlHours);
    return {
      _id: event.id,
      tenant: event.metadata.tenant,
      kind: 'activation',
      clientId,
      contactId,
      language,
      createdAt: event.metadata.occurredAt,
      expiresAt: new Date(expiresAt * 1000).toISOString(),
      ...pending(),
    };
  };

  /** The mails of an email change go to the addresses the event names; the contact's language is read when they are sent. */
  const emailChange = (event: EmailChangeRequested) => {
    const { contactId, requestId, expiresAt } = event.data;
    const base = { tenant: event.metadata.tenant, clientId: null, contactId, language: null, requestId };
    return { ...base, createdAt: event.metadata.occurredAt, expiresAt, ...pending() };
  };

  /** The mail an event asks for first: the activation link, or the link confirming the new address (expiring with the request). */
  const firstMails = defineProjection<MailDeliveryDoc, FirstMailEvent>({
    // the recorder's checkpoint id from before these were projections: a running deployment resumes from it
    name: 'activation-mail',
    collection: MAIL_DELIVERIES_COLLECTION,
    indexes: MAIL_DELIVERY_INDEXES,
    canHandle: FIRST_MAILS,
    documentId: (event) => event.id,
    evolve: (doc, event) => {
      if (doc) return doc;
      if (event.type === 'ContactInvited') return activation(event);
      return { ...emailChange(event), _id: event.id, kind: 'email-verification', to: event.data.email };
    },
  });

  /** The notice of an email change, to the address in use, with the new one (which it shows masked). */
  const notices = defineProjection<
    MailDeliveryDoc,
    Extract<ContactEvent, { type: 'ContactEmailChangeRequested' }>
  >({
    name: 'email-change-notice',
    collection: MAIL_DELIVERIES_COLLECTION,
    indexes: MAIL_DELIVERY_INDEXES,
    canHandle: ['ContactEmailChangeRequested'],
    documentId: (event) => noticeId(event.id),
    evolve: (doc, event) =>
      doc ?? {
        ...emailChange(event),
        _id: noticeId(event.id),
        kind: 'email-change-notice',
        to: event.data.previousEmail,
        newEmail: event.data.email,
      },
  });

  return [firstMails, notices, reminderMailProjection(pending), formMailProjection(pending)];
}

/** The notice's delivery id: a UUID derived from the request event's, so a re-read batch finds it again. */
function noticeId(eventId: string): string {
  return derivedDeliveryId(eventId, 'email-change-notice');
}
