import { createHash } from 'node:crypto';
import {
  upcast,
  type ContactEmailChangeRequested,
  type ContactInvited,
  type RecordedEvent,
} from '@dossiers/events';
import { isAfter, type Checkpoint } from '@dossiers/event-store';
import type { Document, ReadStore } from '@dossiers/read-store';
import { activationExpiry } from '../activation-token/activation-token';
import { MAIL_DELIVERIES_COLLECTION, type MailDeliveryDoc } from '../deliveries/mail-delivery.document';

/** Where the reactors keep their checkpoints: beside their outbox, not among the projections' (a rebuild must not reset them). */
export const REACTOR_CHECKPOINTS_COLLECTION = 'reactor_checkpoints';
const CHECKPOINT_ID = 'activation-mail';

interface ReactorCheckpointDoc extends Document, Checkpoint {}

/**
 * Turns each ContactInvited event into a pending delivery, and each ContactEmailChangeRequested
 * into two (the verification link to the new address, the notice to the old one). The deliveries of a batch and the
 * checkpoint after it commit in one read-store transaction, so a crash either keeps both or
 * neither: the batch is then read again, and a delivery that already exists (same id: the event
 * id) is left as it is. No invitation is lost, none is recorded twice.
 */
export class InvitationRecorder {
  constructor(
    private readonly readStore: ReadStore,
    private readonly activationTtlHours: number,
  ) {}

  async resumeCheckpoint(): Promise<Checkpoint> {
    const stored = await this.readStore
      .collection<ReactorCheckpointDoc>(REACTOR_CHECKPOINTS_COLLECTION)
      .findById(CHECKPOINT_ID);
    return stored ? { position: stored.position, prepare: stored.prepare } : { position: 0 };
  }

  /** Returns how many new deliveries the batch created. */
  async record(events: RecordedEvent[]): Promise<number> {
    if (events.length === 0) return 0;
    return this.readStore.transaction(async (tx) => {
      const checkpoints = tx.collection<ReactorCheckpointDoc>(REACTOR_CHECKPOINTS_COLLECTION);
      const since = (await checkpoints.findById(CHECKPOINT_ID)) ?? undefined;
      const fresh = events.filter((e) => isAfter(e, since));
      if (fresh.length === 0) return 0;

      const deliveries = tx.collection<MailDeliveryDoc>(MAIL_DELIVERIES_COLLECTION);
      let created = 0;
      for (const event of fresh.map(upcast)) {
        for (const delivery of this.deliveriesFor(event)) {
          if (await deliveries.findById(delivery._id)) continue;
          await deliveries.upsert(delivery);
          created++;
        }
      }
      const last = fresh[fresh.length - 1];
      await checkpoints.upsert({
        _id: CHECKPOINT_ID,
        position: last.position,
        prepare: last.prepare ?? last.position,
      });
      return created;
    });
  }

  private deliveriesFor(event: RecordedEvent): MailDeliveryDoc[] {
    if (event.type === 'ContactInvited')
      return [this.deliveryFor(event as unknown as RecordedEvent<'ContactInvited', ContactInvited['data']>)];
    if (event.type === 'ContactEmailChangeRequested')
      return emailChangeDeliveries(
        event as unknown as RecordedEvent<'ContactEmailChangeRequested', ContactEmailChangeRequested['data']>,
      );
    return [];
  }

  private deliveryFor(event: RecordedEvent<'ContactInvited', ContactInvited['data']>): MailDeliveryDoc {
    const { clientId, contactId, language } = event.data;
    const now = new Date().toISOString();
    const expiresAt = activationExpiry(event.metadata.occurredAt, this.activationTtlHours);
    return {
      _id: event.id,
      tenant: event.metadata.tenant,
      kind: 'activation',
      clientId,
      contactId,
      language,
      createdAt: event.metadata.occurredAt,
      expiresAt: new Date(expiresAt * 1000).toISOString(),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      sentAt: null,
      messageId: null,
      message: null,
    };
  }
}

/**
 * The two mails of an email change, each to the address the event names: the verification link to
 * the new one (its expiry is the request's), the notice to the one in use. The contact's language
 * is read when they are sent.
 */
function emailChangeDeliveries(
  event: RecordedEvent<'ContactEmailChangeRequested', ContactEmailChangeRequested['data']>,
): MailDeliveryDoc[] {
  const { contactId, requestId, email, previousEmail, expiresAt } = event.data;
  const base = {
    tenant: event.metadata.tenant,
    clientId: null,
    contactId,
    language: null,
    requestId,
    createdAt: event.metadata.occurredAt,
    expiresAt,
    status: 'pending' as const,
    attempts: 0,
    nextAttemptAt: new Date().toISOString(),
    lastError: null,
    sentAt: null,
    messageId: null,
    message: null,
  };
  return [
    { ...base, _id: event.id, kind: 'email-verification', to: email },
    { ...base, _id: noticeId(event.id), kind: 'email-change-notice', to: previousEmail, newEmail: email },
  ];
}

/** The notice's delivery id: a UUID derived from the request event's, so a re-read batch finds it again. */
function noticeId(eventId: string): string {
  const hex = createHash('sha1').update(`${eventId}:email-change-notice`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
