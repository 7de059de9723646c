import type { ClientNameEvent } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { ConflictError } from '../shared/domain-errors';
import { clientNameReservationDecider, RESERVATION_GRACE_MS } from './client-name-reservation.decider';

const spec = deciderSpecification(clientNameReservationDecider);
const t0 = '2026-01-01T10:00:00.000Z';
const later = (ms: number) => new Date(Date.parse(t0) + ms).toISOString();
const reservedByA: ClientNameEvent = {
  type: 'ClientNameReserved',
  data: { clientId: 'A', name: 'Acme', reservedAt: t0 },
};
const reserve = (clientId: string, now: string, holder: Parameters<typeof base>[0]) =>
  base(holder, clientId, now);
function base(
  holder:
    | null
    | { status: 'absent' }
    | { status: 'active'; name: string; groupId: null; attributes: object }
    | { status: 'deleted'; name: string },
  clientId: string,
  now: string,
) {
  return { type: 'ReserveClientName' as const, clientId, name: 'ACME', now, holder: holder as never };
}

describe('Client name reservation decider', () => {
  it('reserves a free name', () =>
    spec
      .given([])
      .when(reserve('A', t0, null))
      .then([{ type: 'ClientNameReserved', data: { clientId: 'A', name: 'ACME', reservedAt: t0 } }]));

  it('is a no-op for the client that already holds it', () =>
    spec
      .given([reservedByA])
      .when(reserve('A', later(1), null))
      .then([]));

  it('refuses a name held by an active client with that name, whatever the case or accents', () =>
    spec
      .given([reservedByA])
      .when(reserve('B', later(60_000), { status: 'active', name: 'Acmé', groupId: null, attributes: {} }))
      .thenThrows(ConflictError, 'CLIENT_NAME_TAKEN'));

  it('refuses a name whose holder is still being created (inside the grace period)', () =>
    spec
      .given([reservedByA])
      .when(reserve('B', later(RESERVATION_GRACE_MS - 1), { status: 'absent' }))
      .thenThrows(ConflictError));

  it('takes over a reservation whose holder never got created', () =>
    spec
      .given([reservedByA])
      .when(reserve('B', later(RESERVATION_GRACE_MS), { status: 'absent' }))
      .then([
        {
          type: 'ClientNameReserved',
          data: { clientId: 'B', name: 'ACME', reservedAt: later(RESERVATION_GRACE_MS) },
        },
      ]));

  it('takes over at once from a holder that was deleted before releasing', () =>
    spec
      .given([reservedByA])
      .when(reserve('B', later(1), { status: 'deleted', name: 'Acme' }))
      .then([{ type: 'ClientNameReserved', data: { clientId: 'B', name: 'ACME', reservedAt: later(1) } }]));

  it('refuses a name whose holder is being renamed to it (inside the grace period)', () =>
    spec
      .given([reservedByA])
      .when(
        reserve('B', later(RESERVATION_GRACE_MS - 1), {
          status: 'active',
          name: 'Old name',
          groupId: null,
          attributes: {},
        }),
      )
      .thenThrows(ConflictError, 'CLIENT_NAME_TAKEN'));

  it('takes over from a holder that never got the name, once the grace period is over', () =>
    spec
      .given([reservedByA])
      .when(
        reserve('B', later(RESERVATION_GRACE_MS), {
          status: 'active',
          name: 'Other',
          groupId: null,
          attributes: {},
        }),
      )
      .then([
        {
          type: 'ClientNameReserved',
          data: { clientId: 'B', name: 'ACME', reservedAt: later(RESERVATION_GRACE_MS) },
        },
      ]));

  it('releases only its own reservation', () => {
    spec
      .given([reservedByA])
      .when({ type: 'ReleaseClientName', clientId: 'A' })
      .then([{ type: 'ClientNameReleased', data: { clientId: 'A' } }]);
    spec.given([reservedByA]).when({ type: 'ReleaseClientName', clientId: 'B' }).then([]);
  });

  it('a released name is free', () =>
    spec
      .given([reservedByA, { type: 'ClientNameReleased', data: { clientId: 'A' } }])
      .when(reserve('B', later(1), null))
      .then([{ type: 'ClientNameReserved', data: { clientId: 'B', name: 'ACME', reservedAt: later(1) } }]));
});
