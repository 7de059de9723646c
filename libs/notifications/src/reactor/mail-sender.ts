import type { ReadCollection, ReadStore } from '@dossiers/read-store';
import { renderActivationEmail } from '../activation-email/activation-email';
import { activationLink, type ActivationTokens } from '../activation-token/activation-token';
import {
  MAIL_DELIVERIES_COLLECTION,
  type MailDeliveryDoc,
  type SentMessage,
} from '../deliveries/mail-delivery.document';
import { retryDelayMs, type RetrySchedule } from '../deliveries/retry-schedule';
import type { MailTransport, OutgoingMail } from '../mail-transport.port';
import type { ActivationRecipient, RecipientLookup } from './recipient-lookup';

export interface MailSenderOptions {
  /** MAIL_FROM; its domain also names the Message-IDs */
  from: string;
  /** PUBLIC_URL: the base of the links */
  publicUrl: string;
  retry: RetrySchedule;
  /** deliveries read per query */
  batchSize?: number;
}

/**
 * Sends the due pending deliveries, one at a time, and records each outcome on its delivery:
 * `sent` with the time, the Message-ID and the attempts; `skipped`, unsent, when the contact is
 * already activated at send time; or, after a failure, the error and the next attempt, further
 * off each time. A failing delivery only delays itself.
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
    private readonly tokens: ActivationTokens,
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
    let mail: OutgoingMail & { link: string };
    let messageId: string;
    try {
      const recipient = await this.recipients.find(delivery.tenant, delivery.contactId, delivery.clientId);
      if (!recipient) {
        await this.deliveries.update(delivery._id, {
          status: 'failed',
          attempts,
          nextAttemptAt: null,
          lastError: 'The contact or the client does not exist',
        });
        return;
      }
      if (recipient.activated) {
        // Invited again after activating: the link would only answer 410, so no mail at all.
        await this.deliveries.update(delivery._id, {
          status: 'skipped',
          nextAttemptAt: null,
          lastError: 'contact already active',
        });
        return;
      }
      mail = this.compose(delivery, recipient);
      ({ messageId } = await this.transport.send(mail));
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
      message: this.kept(mail),
    });
  }

  private compose(
    delivery: MailDeliveryDoc,
    recipient: ActivationRecipient,
  ): OutgoingMail & { link: string } {
    const token = this.tokens.sign({
      tenant: delivery.tenant,
      contactId: delivery.contactId,
      invitationId: delivery._id,
      exp: Date.parse(delivery.expiresAt) / 1000,
    });
    const link = activationLink(this.options.publicUrl, token);
    const rendered = renderActivationEmail({
      language: delivery.language,
      firstName: recipient.firstName,
      clientName: recipient.clientName,
      link,
      expiresAt: new Date(delivery.expiresAt),
    });
    return {
      messageId: `<${delivery._id}@${this.messageIdDomain}>`,
      to: recipient.email,
      ...rendered,
      link,
    };
  }

  private kept(mail: OutgoingMail & { link: string }): SentMessage {
    const envelope = { to: mail.to, subject: mail.subject, language: mail.language };
    if (this.transport.kind !== 'outbox') return envelope;
    return { ...envelope, text: mail.text, html: mail.html, link: mail.link };
  }
}
