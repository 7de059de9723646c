import type { ClientNameEvent } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { ConflictError } from '../shared/domain-errors';
import { RESERVATION_GRACE_MS } from '../shared/reservation';
import type { ClientState } from './client.state';
import {
  clientNameReservationDecider,
  type ReservationHolder,
  type ReserveClientName,
} from './client-name-reservation.decider';

const spec = deciderSpecification(clientNameReservationDecider);
const t0 = '2026-01-01T10:00:00.000Z';
const later = (ms: number) => new Date(Date.parse(t0) + ms).toISOString();
const active = (name: string): ClientState => ({
  status: 'active',
  name,
  groupId: null,
  attributes: {},
  fields: [],
  contacts: {},
  collaborators: {},
  folders: {},
  files: {},
  connectors: {},
  forms: {},
  reminders: {},
});

/** A reserved "Acme" at revision 4 (about to rename itself). */
const reservedByA: ClientNameEvent = {
  type: 'ClientNameReserved',
  data: { clientId: 'A', name: 'Acme', reservedAt: t0, holderRevision: 4 },
};
const reserve = (
  clientId: string,
  now: string,
  holder: ReservationHolder | null,
  clientRevision = 0,
): ReserveClientName => ({ type: 'ReserveClientName', clientId, name: 'ACME', now, clientRevision, holder });
const reservedBy = (clientId: string, now: string, holderRevision = 0): ClientNameEvent => ({
  type: 'ClientNameReserved',
  data: { clientId, name: 'ACME', reservedAt: now, holderRevision },
});

describe('Client name reservation decider', () => {
  it('reserves a free name', () =>
    spec
      .given([])
      .when(reserve('A', t0, null, -1))
      .then([reservedBy('A', t0, -1)]));

  describe('held by another client', () => {
    it('while the holder answers to the name, whatever the case or accents', () =>
      spec
        .given([reservedByA])
        .when(reserve('B', later(3_600_000), { state: active('Acmé'), revision: 9 }))
        .thenThrows(ConflictError, 'CLIENT_NAME_TAKEN'));

    it('while the holder’s creation may be in flight', () =>
      spec
        .given([reservedBy('A', t0, -1)])
        .when(reserve('B', later(RESERVATION_GRACE_MS - 1), { state: { status: 'absent' }, revision: -1 }))
        .thenThrows(ConflictError));

    it('while the holder’s rename may be in flight: its stream has not moved since it reserved', () =>
      spec
        .given([reservedByA])
        .when(reserve('B', later(RESERVATION_GRACE_MS - 1), { state: active('Old name'), revision: 4 }))
        .thenThrows(ConflictError));
  });

  describe('free again', () => {
    it('once the holder is deleted', () =>
      spec
        .given([reservedByA])
        .when(reserve('B', later(1), { state: { status: 'deleted', name: 'Acme' }, revision: 5 }))
        .then([reservedBy('B', later(1))]));

    it('once the holder moved on under another name (renamed away, or its rename failed)', () =>
      spec
        .given([reservedByA])
        .when(reserve('B', later(1), { state: active('Other'), revision: 5 }))
        .then([reservedBy('B', later(1))]));

    it('once the grace period is over for an operation that never completed (a crash)', () =>
      spec
        .given([reservedBy('A', t0, -1)])
        .when(reserve('B', later(RESERVATION_GRACE_MS), { state: { status: 'absent' }, revision: -1 }))
        .then([reservedBy('B', later(RESERVATION_GRACE_MS))]));
  });

  describe('reserved again by its holder', () => {
    it('changes nothing from the same revision (a retry)', () =>
      spec
        .given([reservedByA])
        .when(reserve('A', later(1), null, 4))
        .then([]));

    it('records a newer revision, so that the new operation is covered while in flight', () =>
      spec
        .given([reservedByA])
        .when(reserve('A', later(1), null, 6))
        .then([reservedBy('A', later(1), 6)]));
  });
});
