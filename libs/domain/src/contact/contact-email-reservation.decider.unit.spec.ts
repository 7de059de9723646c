import type { ContactDetails, ContactEmailEvent } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { ConflictError } from '../shared/domain-errors';
import { RESERVATION_GRACE_MS } from '../shared/reservation';
import type { ContactState, PendingEmail } from './contact.state';
import {
  contactEmailReservationDecider,
  isContactEmailHeld,
  type ContactEmailHolder,
  type ReserveContactEmail,
} from './contact-email-reservation.decider';

const spec = deciderSpecification(contactEmailReservationDecider);
const t0 = '2026-01-01T10:00:00.000Z';
const later = (ms: number) => new Date(Date.parse(t0) + ms).toISOString();
const details = (email: string): ContactDetails => ({
  firstName: 'Ann',
  lastName: 'Roy',
  email,
  phone: null,
  language: 'fr',
});
const active = (email: string, pendingEmail: PendingEmail | null = null): ContactState => ({
  status: 'active',
  details: details(email),
  activated: pendingEmail !== null,
  pendingEmail,
  lastConfirmedRequestId: null,
  emailVersion: 0,
});

const reservedBy = (contactId: string, reservedAt: string, holderRevision: number): ContactEmailEvent => ({
  type: 'ContactEmailReserved',
  data: { contactId, email: 'ann@example.fr', reservedAt, holderRevision },
});
const reserve = (
  contactId: string,
  now: string,
  holder: ContactEmailHolder | null,
  contactRevision = -1,
): ReserveContactEmail => ({
  type: 'ReserveContactEmail',
  contactId,
  email: 'ann@example.fr',
  now,
  contactRevision,
  holder,
});

describe('Contact email reservation decider', () => {
  it('reserves a free email', () =>
    spec
      .given([])
      .when(reserve('A', t0, null))
      .then([reservedBy('A', t0, -1)]));

  describe('held by another contact', () => {
    it('while the holder has the email, however long ago it reserved it', () =>
      spec
        .given([reservedBy('A', t0, -1)])
        .when(reserve('B', later(3_600_000), { state: active('ann@example.fr'), revision: 0 }))
        .thenThrows(ConflictError, 'CONTACT_EMAIL_TAKEN'));

    it('while the holder’s creation may be in flight (grace period)', () =>
      spec
        .given([reservedBy('A', t0, -1)])
        .when(reserve('B', later(RESERVATION_GRACE_MS - 1), { state: { status: 'absent' }, revision: -1 }))
        .thenThrows(ConflictError, 'CONTACT_EMAIL_TAKEN'));

    it('while the holder’s change may be in flight: its stream has not moved since it reserved', () =>
      spec
        .given([reservedBy('A', t0, 3)])
        .when(reserve('B', later(1_000), { state: active('old@example.fr'), revision: 3 }))
        .thenThrows(ConflictError));
  });

  describe('held by a contact waiting to confirm it as its new email', () => {
    const pending = (expiresAt: string): PendingEmail => ({
      requestId: 'r1',
      email: 'ann@example.fr',
      expiresAt,
    });

    it('until its verification link expires, long after the grace period', () =>
      spec
        .given([reservedBy('A', t0, 3)])
        .when(
          reserve('B', later(3_600_000), {
            state: active('old@example.fr', pending(later(7_200_000))),
            revision: 4,
          }),
        )
        .thenThrows(ConflictError, 'CONTACT_EMAIL_TAKEN'));

    it('no longer once the link has expired', () =>
      spec
        .given([reservedBy('A', t0, 3)])
        .when(
          reserve('B', later(7_200_000), {
            state: active('old@example.fr', pending(later(7_200_000))),
            revision: 4,
          }),
        )
        .then([reservedBy('B', later(7_200_000), -1)]));

    it('no longer once a request for another address superseded it', () =>
      spec
        .given([reservedBy('A', t0, 3)])
        .when(
          reserve('B', later(3_600_000), {
            state: active('old@example.fr', { ...pending(later(7_200_000)), email: 'other@example.fr' }),
            revision: 5,
          }),
        )
        .then([reservedBy('B', later(3_600_000), -1)]));
  });

  describe('free again', () => {
    it('once the holder changed its email to another one', () =>
      spec
        .given([reservedBy('A', t0, -1)])
        .when(reserve('B', later(1), { state: active('new@example.fr'), revision: 1 }))
        .then([reservedBy('B', later(1), -1)]));

    it('once the grace period is over for a creation that never happened (a crash)', () =>
      spec
        .given([reservedBy('A', t0, -1)])
        .when(reserve('B', later(RESERVATION_GRACE_MS), { state: { status: 'absent' }, revision: -1 }))
        .then([reservedBy('B', later(RESERVATION_GRACE_MS), -1)]));
  });

  describe('reserved again by its holder', () => {
    it('changes nothing from the same revision (a retry)', () =>
      spec
        .given([reservedBy('A', t0, -1)])
        .when(reserve('A', later(1), null, -1))
        .then([]));

    it('records a newer revision, so that the new operation is covered while in flight', () =>
      spec
        .given([reservedBy('A', t0, -1)])
        .when(reserve('A', later(1), null, 2))
        .then([reservedBy('A', later(1), 2)]));
  });

  it('answers a pre-check without a requester', () => {
    const state = contactEmailReservationDecider.evolve(
      contactEmailReservationDecider.initialState(),
      reservedBy('A', t0, -1),
    );
    const holder = { state: active('ann@example.fr'), revision: 0 };
    expect(isContactEmailHeld(state, 'ann@example.fr', holder, later(1), null)).toBe(true);
    expect(isContactEmailHeld(state, 'ann@example.fr', holder, later(1), 'A')).toBe(false);
    const movedOn = { state: active('other@example.fr'), revision: 1 };
    expect(isContactEmailHeld(state, 'ann@example.fr', movedOn, later(1), null)).toBe(false);
    expect(isContactEmailHeld(contactEmailReservationDecider.initialState(), 'x@y.fr', null, t0, null)).toBe(
      false,
    );
  });
});
