import { upcast, type ContactInvited, type RecordedEvent } from '@dossiers/events';
import { isAfter, type Checkpoint } from '@dossiers/event-store';
import type { Document, ReadStore } from '@dossiers/read-store';
import { activationExpiry } from '../activation-token/activation-token';
import { MAIL_DELIVERIES_COLLECTION, type MailDeliveryDoc } from '../deliveries/mail-delivery.document';

/** Where the reactors keep their checkpoints: beside their outbox, not among the projections' (a rebuild must not reset them). */
export const REACTOR_CHECKPOINTS_COLLECTION = 'reactor_checkpoints';
const CHECKPOINT_ID = 'activation-mail';

interface ReactorCheckpointDoc extends Document, Checkpoint {}

/**
 * Turns each ContactInvited event into a pending delivery. The deliveries of a batch and the
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
        if (event.type !== 'ContactInvited') continue;
        if (await deliveries.findById(event.id)) continue;
        await deliveries.upsert(
          this.deliveryFor(event as unknown as RecordedEvent<'ContactInvited', ContactInvited['data']>),
        );
        created++;
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
