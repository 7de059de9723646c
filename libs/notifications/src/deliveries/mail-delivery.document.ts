import type { Language } from '@dossiers/events';
import type { Document, IndexSpec } from '@dossiers/read-store';

/**
 * The outbox: one document per mail to send, written in the same read-store transaction as the
 * reactor's checkpoint. Not a read model: it is never rebuilt (a rebuild would send every mail
 * again), and only the mail reactor writes it.
 */
export const MAIL_DELIVERIES_COLLECTION = 'mail_deliveries';

/**
 * activation: a contact's invitation (ContactInvited); email-verification: the link confirming an
 * activated contact's new address, sent to it; email-change-notice: the notice of that request,
 * sent to the address in use (both from ContactEmailChangeRequested); reminder: one recipient's copy
 * of a reminder occurrence (ReminderOccurrenceSent); form: one recipient's mail of a form (FormSent).
 */
export const MAIL_KINDS = [
  'activation',
  'email-verification',
  'email-change-notice',
  'reminder',
  'form',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/**
 * pending: to send (again) at `nextAttemptAt`; sent: accepted by the transport; failed: can never
 * be sent; skipped: not sent, needless (the contact was already activated when its invitation fell
 * due, or the email change was superseded or confirmed before its link went out).
 */
export const MAIL_DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'skipped'] as const;
export type MailDeliveryStatus = (typeof MAIL_DELIVERY_STATUSES)[number];

/**
 * The mail as it went out. The embedded outbox keeps all of it (it is the only mailbox there);
 * with SMTP only the envelope is kept: the body holds a credential (the link) that has no
 * business sitting in a database.
 */
export interface SentMessage {
  to: string;
  subject: string;
  /** the language the mail is written in (English when the chosen one is not translated yet) */
  language: Language;
  text?: string;
  html?: string;
  link?: string;
}

export interface MailDeliveryDoc extends Document {
  /**
   * the id of the event that asked for the mail (for an activation: the invitation id; for an
   * email change: its verification mail's, and a UUID derived from it for the notice)
   */
  _id: string;
  tenant: string;
  kind: MailKind;
  /** the client of an invitation; null for the mails of an email change */
  clientId: string | null;
  contactId: string;
  /**
   * the language the client chose for this contact (activation); for an email change's mails the
   * contact's own language, null until it is read when the mail is sent
   */
  language: Language | null;
  /**
   * the address the event fixed (an email change's new address, or the old one for the notice);
   * absent or null for an activation, which goes to the contact's email when it is sent
   */
  to?: string | null;
  /** the email change's request id (absent or null for an activation) */
  requestId?: string | null;
  /** for an email change's notice: the new address requested, which the notice shows masked */
  newEmail?: string | null;
  /** for a reminder: its occurrence and the texts rendered for this recipient, sent as they are */
  reminder?: ReminderMail | null;
  /** for a form: the form and the texts rendered for this recipient; the link is signed when sent */
  form?: FormMail | null;
  /** when the event was recorded; the outbox lists newest first by it */
  createdAt: string;
  /** the link's expiry, fixed once from the event, so every retry sends the same link */
  expiresAt: string;
  status: MailDeliveryStatus;
  attempts: number;
  /** ISO instant; null once sent, failed or skipped */
  nextAttemptAt: string | null;
  /** the last attempt's error; for a failed or skipped delivery, why it is not sent */
  lastError: string | null;
  sentAt: string | null;
  messageId: string | null;
  message: SentMessage | null;
}

/** A form's mail for one recipient (its FormSent's recipient): subject = the form's title. */
export interface FormMail {
  formId: string;
  subject: string;
  text: string;
  html: string;
}

/** A reminder occurrence's copy for one recipient (its event's ReminderDelivery). */
export interface ReminderMail {
  reminderId: string;
  /** the occurrence's `kind` and number: 'now' ones are numbered apart */
  occurrenceKind: 'scheduled' | 'now';
  occurrence: number;
  subject: string;
  text: string;
  html: string;
}

export const MAIL_DELIVERY_INDEXES: IndexSpec[] = [
  // The sender's query: due pending deliveries, soonest first.
  {
    name: 'due',
    fields: [
      ['status', 1],
      ['nextAttemptAt', 1],
    ],
  },
  // GET /outbox, newest first, with or without a status filter.
  {
    name: 'tenant_created',
    fields: [
      ['tenant', 1],
      ['createdAt', -1],
    ],
  },
  // A client's reminder history shows its mails' statuses.
  {
    name: 'client_kind',
    fields: [
      ['clientId', 1],
      ['kind', 1],
    ],
  },
  {
    name: 'tenant_status_created',
    fields: [
      ['tenant', 1],
      ['status', 1],
      ['createdAt', -1],
    ],
  },
];
