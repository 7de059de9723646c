import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  contactEmailReservationDecider,
  isContactEmailHeld,
  NotFoundError,
  type ContactEmailHolder,
} from '@dossiers/domain';
import { handleCommand, loadStream, type CommandContext } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { ContactLookup } from './contact-lookup';

/** One reservation stream per tenant and email (compared lower-cased); the hash keeps stream ids short and safe. */
export const contactEmailStreamId = (tenant: string, email: string) =>
  `contact-email-${createHash('sha256')
    .update(`${tenant}\n${email.trim().toLowerCase()}`)
    .digest('hex')
    .slice(0, 40)}`;

/**
 * Keeps contact emails unique per tenant (see contact-email-reservation.decider.ts for the rules).
 * Reservation commands never use the caller's If-Match: that one belongs to another stream.
 */
@Injectable()
export class ContactEmailRegistry {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly contacts: ContactLookup,
  ) {}

  /**
   * Reserves `email` (checked: trimmed, lower-cased) for `contactId` before the create or change
   * decided on the contact's stream at `contactRevision` (-1 for a creation). Throws
   * CONTACT_EMAIL_TAKEN (409) when another contact holds it.
   */
  async reserve(
    contactId: string,
    email: string,
    contactRevision: number,
    context: CommandContext,
  ): Promise<void> {
    await handleCommand(
      this.eventStore,
      contactEmailReservationDecider,
      contactEmailStreamId(context.tenant, email),
      async (reservation) => ({
        type: 'ReserveContactEmail' as const,
        contactId,
        email,
        now: context.now,
        contactRevision,
        holder:
          reservation.holderId && reservation.holderId !== contactId
            ? await this.holder(reservation.holderId, context.tenant)
            : null,
      }),
      // A request may reserve again from a newer revision (its change was retried): that event must
      // not share an id with its first reservation, or the store would drop it as a repeat.
      {
        ...context,
        expectedRevision: undefined,
        eventId: (streamId, index) => context.eventId(`${streamId}@${contactRevision}`, index),
      },
      () => new NotFoundError('contact email', email),
    );
  }

  /**
   * Would contact `contactId` (about to be created) be refused this email at `now`? A pre-check that
   * writes nothing (the client wizard reports every taken email at once); only `reserve` makes it
   * certain. Its own reservation does not count: a request retried with its Idempotency-Key after
   * creating the contact derives the same id, and must complete rather than be refused.
   */
  async isTaken(email: string, tenant: string, now: string, contactId: string): Promise<boolean> {
    const { state } = await loadStream(
      this.eventStore,
      contactEmailReservationDecider,
      contactEmailStreamId(tenant, email),
      tenant,
      () => new NotFoundError('contact email', email),
    );
    const holder = state.holderId ? await this.holder(state.holderId, tenant) : null;
    return isContactEmailHeld(state, email, holder, now, contactId);
  }

  private holder(contactId: string, tenant: string): Promise<ContactEmailHolder> {
    return this.contacts.load(contactId, tenant);
  }
}
