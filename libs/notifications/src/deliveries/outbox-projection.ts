import type { ClientEvent } from '@dossiers/events';
import { defineProjection, type Projection, type Recorded } from '@dossiers/read-models';
import type { Document } from '@dossiers/read-store';
import {
  MAIL_DELIVERIES_COLLECTION,
  MAIL_DELIVERY_INDEXES,
  type MailDeliveryDoc,
} from './mail-delivery.document';

/** The first state of a new delivery (every mail's). */
export type PendingDelivery = () => Pick<
  MailDeliveryDoc,
  'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'sentAt' | 'messageId' | 'message'
>;

interface MailingDoc extends Document {
  _id: string;
  deliveries: MailDeliveryDoc[];
}

export interface OutboxProjectionDefinition<Type extends ClientEvent['type']> {
  /** its own checkpoint's id */
  name: string;
  /** one document per event: the deliveries it asked for */
  collection: string;
  eventType: Type;
  deliveriesOf(event: Recorded<Extract<ClientEvent, { type: Type }>>): MailDeliveryDoc[];
}

/**
 * An event that asks for one mail per recipient (a reminder occurrence, a form sent): its
 * deliveries, derived into the outbox as a retained collection, so each is written once, when the
 * event is first read, and then left as the sender leaves it.
 */
export function outboxProjection<Type extends ClientEvent['type']>(
  definition: OutboxProjectionDefinition<Type>,
): Projection {
  type Event = Extract<ClientEvent, { type: Type }>;
  return defineProjection<MailingDoc, Event>({
    name: definition.name,
    collection: definition.collection,
    indexes: [],
    canHandle: [definition.eventType] as unknown as readonly Event['type'][],
    documentId: (event) => event.id,
    evolve: (doc, event) =>
      doc ?? {
        _id: event.id,
        deliveries: definition.deliveriesOf(event as Recorded<Extract<ClientEvent, { type: Type }>>),
      },
    derived: {
      collections: [{ name: MAIL_DELIVERIES_COLLECTION, indexes: MAIL_DELIVERY_INDEXES, retain: true }],
      derive: (doc) => doc.deliveries.map((doc) => ({ collection: MAIL_DELIVERIES_COLLECTION, doc })),
    },
  }) as unknown as Projection;
}
