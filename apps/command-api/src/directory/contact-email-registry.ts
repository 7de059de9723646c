import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  contactEmailReservationDecider,
  emailKey,
  isContactEmailHeld,
  type ContactEmailHolder,
  type ReserveContactEmail,
} from '@dossiers/domain';
import type { ContactEmailEvent } from '@dossiers/events';
import { EventStreams } from '@dossiers/application';
import { UniqueValues } from '../shared/unique-values';
import { ContactLookup } from './contact-lookup';

/** One reservation stream per tenant and email (compared lower-cased); the hash keeps stream ids short and safe. */
export const contactEmailStreamId = (tenant: string, email: string) =>
  `contact-email-${createHash('sha256')
    .update(`${tenant}\n${emailKey(email)}`)
    .digest('hex')
    .slice(0, 40)}`;

/**
 * Keeps contact emails unique per tenant (see contact-email-reservation.decider.ts for the rules).
 * `reserve(contactId, email, contactRevision, context)` reserves `email` (checked: trimmed,
 * lower-cased) before the create or change decided on the contact's stream at `contactRevision`
 * (-1 for a creation); CONTACT_EMAIL_TAKEN (409) when another contact holds it.
 */
@Injectable()
export class ContactEmailRegistry extends UniqueValues<
  ContactEmailHolder,
  ReserveContactEmail,
  ContactEmailEvent
> {
  constructor(streams: EventStreams, contacts: ContactLookup) {
    super(streams, {
      kind: 'contact email',
      decider: contactEmailReservationDecider,
      streamId: contactEmailStreamId,
      loadHolder: (contactId, tenant) => contacts.load(contactId, tenant),
      reserveCommand: ({ requesterId, value, now, requesterRevision, holder }) => ({
        type: 'ReserveContactEmail',
        contactId: requesterId,
        email: value,
        now,
        contactRevision: requesterRevision,
        holder,
      }),
    });
  }

  /**
   * Would contact `contactId` (about to be created) be refused this email at `now`? A pre-check that
   * writes nothing (the client wizard reports every taken email at once); only `reserve` makes it
   * certain. Its own reservation does not count: a request retried with its Idempotency-Key after
   * creating the contact derives the same id, and must complete rather than be refused.
   */
  async isTaken(email: string, tenant: string, now: string, contactId: string): Promise<boolean> {
    const { reservation, holder } = await this.current(email, tenant);
    return isContactEmailHeld(reservation, email, holder, now, contactId);
  }
}
