import type { Language } from '@dossiers/events';
import type { ReadCollection, ReadStore } from '@dossiers/read-store';
import { renderActivationEmail } from '../activation-email/activation-email';
import { activationLink, type ActivationTokens } from '../activation-token/activation-token';
import {
  MAIL_DELIVERIES_COLLECTION,
  type MailDeliveryDoc,
  type SentMessage,
} from '../deliveries/mail-delivery.document';
import { retryDelayMs, type RetrySchedule } from '../deliveries/retry-schedule';
import { renderEmailChangeNotice, renderEmailVerification } from '../email-verification/email-change-email';
import {
  emailVerificationLink,
  type EmailVerificationTokens,
} from '../email-verification/email-verification-token';
import type { MailTransport, OutgoingMail } from '../mail-transport.port';
import { emailHashOf } from '../signed-token/signed-tokens';
import { prepareReminderMail } from '../reminder-email/reminder-mail';
import { prepareFormMail } from '../form-email/form-mail';
import type { FormTokens } from '../form-email/form-token';
import type { RecipientLookup } from './recipient-lookup';

export interface MailSenderOptions {
  /** MAIL_FROM; its domain also names the Message-IDs */
  from: string;
  /** PUBLIC_URL: the base of the links */
  publicUrl: string;
  retry: RetrySchedule;
  /** deliveries read per query */
  batchSize?: number;
}

/** What signs the links: one key per kind of link. */
export interface MailTokens {
  activation: ActivationTokens;
  emailVerification: EmailVerificationTokens;
  /** signs the forms' links; absent: form mails fail, saying so */
  form?: FormTokens;
}

type Composed = OutgoingMail & { link?: string };
/** A mail to send (with the language chosen for the contact), or why none will ever be. */
type Prepared = { mail: Composed; language: Language } | { status: 'failed' | 'skipped'; reason: string };

/**
 * Sends the due pending deliveries, one at a time, and records each outcome on its delivery:
 * `sent` with the time, the Message-ID and the attempts; `skipped`, unsent, when the mail is
 * needless at send time (the contact already activated, the email change superseded or
 * confirmed); or, after a failure, the error and the next attempt, further off each time. A
 * failing delivery only delays itself.
 *
 * Effectively once: a delivery is marked sent only after the transport accepted it, so a crash
 * in between sends it again on restart. That window cannot be closed (the relay and the store
 * share no transaction), but both sends carry the same Message-ID, derived from the delivery id,
 * which lets mail systems recognise and drop the duplicate.
 */
export class MailSender {
  private readonly deliveries: ReadCollection<MailDeliveryDoc>;
  private readonly messageIdDomain: string;

  constructor(
    readStore: ReadStore,
    private readonly recipients: RecipientLookup,
    private readonly transport: MailTransport,
    private readonly tokens: MailTokens,
    private readonly options: MailSenderOptions,
  ) {
    this.deliveries = readStore.collection<MailDeliveryDoc>(MAIL_DELIVERIES_COLLECTION);
    this.messageIdDomain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(options.from)?.[1] ?? 'dossiers.local';
  }

  /** Sends everything due now; returns when the next pending delivery falls due (ms since epoch), null when none is left. */
  async sendDue(): Promise<number | null> {
    const batchSize = this.options.batchSize ?? 20;
    for (;;) {
      const due = await this.deliveries.find(
        { status: 'pending', nextAttemptAt: { $lte: new Date().toISOString() } },
        { sort: [['nextAttemptAt', 1]], limit: batchSize },
      );
      for (const delivery of due) await this.deliver(delivery);
      if (due.length < batchSize) break;
    }
    const [next] = await this.deliveries.find(
      { status: 'pending' },
      { sort: [['nextAttemptAt', 1]], limit: 1 },
    );
    return next?.nextAttemptAt ? Date.parse(next.nextAttemptAt) : null;
  }

  private async deliver(delivery: MailDeliveryDoc): Promise<void> {
    const attempts = delivery.attempts + 1;
    let prepared: Prepared;
    let messageId: string;
    try {
      prepared = await this.prepare(delivery);
      if ('reason' in prepared) {
        await this.deliveries.update(delivery._id, {
          status: prepared.status,
          ...(prepared.status === 'failed' ? { attempts } : {}),
          nextAttemptAt: null,
          lastError: prepared.reason,
        });
        return;
      }
      ({ messageId } = await this.transport.send(prepared.mail));
    } catch (error) {
      const next = new Date(Date.now() + retryDelayMs(attempts, this.options.retry));
      await this.deliveries.update(delivery._id, {
        attempts,
        nextAttemptAt: next.toISOString(),
        lastError: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    // Not caught: if this write fails the delivery stays pending and goes out again, with the same Message-ID.
    await this.deliveries.update(delivery._id, {
      status: 'sent',
      attempts,
      nextAttemptAt: null,
      lastError: null,
      sentAt: new Date().toISOString(),
      messageId,
      language: delivery.language ?? prepared.language,
      message: this.kept(prepared.mail),
    });
  }

  private prepare(delivery: MailDeliveryDoc): Promise<Prepared> {
    switch (delivery.kind) {
      case 'activation':
        return this.prepareActivation(delivery);
      case 'email-verification':
      case 'email-change-notice':
        return this.prepareEmailChange(delivery);
      case 'reminder':
        return this.prepareReminder(delivery);
      case 'form':
        return this.prepareForm(delivery);
      default:
        return Promise.resolve({ status: 'failed', reason: `unknown kind of mail ${String(delivery.kind)}` });
    }
  }

  private async prepareActivation(delivery: MailDeliveryDoc): Promise<Prepared> {
    const recipient = delivery.clientId
      ? await this.recipients.find(delivery.tenant, delivery.contactId, delivery.clientId)
      : null;
    if (!recipient) return { status: 'failed', reason: 'The contact or the client does not exist' };
    // Invited again after activating: the link would only answer 410, so no mail at all.
    if (recipient.activated) return { status: 'skipped', reason: 'contact already active' };
    // Bound to the address it goes to (read now, from the contact's stream): void once that changes.
    const token = this.tokens.activation.sign({
      tenant: delivery.tenant,
      contactId: delivery.contactId,
      invitationId: delivery._id,
      clientId: delivery.clientId,
      emailHash: emailHashOf(recipient.email, recipient.emailVersion),
      exp: Date.parse(delivery.expiresAt) / 1000,
    });
    const link = activationLink(this.options.publicUrl, token);
    const language = delivery.language ?? 'en';
    const rendered = renderActivationEmail({
      language,
      firstName: recipient.firstName,
      clientName: recipient.clientName,
      link,
      expiresAt: new Date(delivery.expiresAt),
    });
    return { mail: { ...this.envelope(delivery, recipient.email), ...rendered, link }, language };
  }

  /** Both mails go to the address their event fixed, in the contact's own language. */
  private async prepareEmailChange(delivery: MailDeliveryDoc): Promise<Prepared> {
    const contact = await this.recipients.contact(delivery.tenant, delivery.contactId);
    const { to, requestId } = delivery;
    if (!contact || !to || !requestId) return { status: 'failed', reason: 'The contact does not exist' };
    const { firstName, language } = contact.details;
    const input = { language, firstName, expiresAt: new Date(delivery.expiresAt) };
    if (delivery.kind === 'email-change-notice') {
      // Sent even when the request was superseded or confirmed since: the old address learns of each one.
      const rendered = renderEmailChangeNotice({ ...input, newEmail: delivery.newEmail ?? '' });
      return { mail: { ...this.envelope(delivery, to), ...rendered }, language };
    }
    // A link that could only answer 410 is not sent.
    if (contact.pendingEmail?.requestId !== requestId)
      return {
        status: 'skipped',
        reason:
          contact.lastConfirmedRequestId === requestId
            ? 'email change already confirmed'
            : 'superseded by a later email change',
      };
    const token = this.tokens.emailVerification.sign({
      tenant: delivery.tenant,
      contactId: delivery.contactId,
      requestId,
      exp: Math.floor(Date.parse(delivery.expiresAt) / 1000),
    });
    const link = emailVerificationLink(this.options.publicUrl, token);
    const rendered = renderEmailVerification({ ...input, newEmail: to, link });
    return { mail: { ...this.envelope(delivery, to), ...rendered, link }, language };
  }

  private async prepareReminder(delivery: MailDeliveryDoc): Promise<Prepared> {
    const prepared = await prepareReminderMail(delivery, this.recipients);
    if ('reason' in prepared) return { status: 'failed', reason: prepared.reason };
    const { to, ...mail } = prepared;
    return { mail: { ...this.envelope(delivery, to), ...mail }, language: mail.language };
  }

  private async prepareForm(delivery: MailDeliveryDoc): Promise<Prepared> {
    if (!this.tokens.form) return { status: 'failed', reason: 'No key signs the form links' };
    const prepared = await prepareFormMail(
      delivery,
      this.recipients,
      this.tokens.form,
      this.options.publicUrl,
    );
    if ('reason' in prepared) return { status: 'failed', reason: prepared.reason };
    const { to, ...mail } = prepared;
    return { mail: { ...this.envelope(delivery, to), ...mail }, language: mail.language };
  }

  private envelope(delivery: MailDeliveryDoc, to: string) {
    return { messageId: `<${delivery._id}@${this.messageIdDomain}>`, to };
  }

  private kept(mail: Composed): SentMessage {
    const envelope = { to: mail.to, subject: mail.subject, language: mail.language };
    if (this.transport.kind !== 'outbox') return envelope;
    return { ...envelope, text: mail.text, html: mail.html, ...(mail.link ? { link: mail.link } : {}) };
  }
}
