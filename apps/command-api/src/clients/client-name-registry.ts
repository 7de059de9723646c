import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  clientNameKey,
  clientNameReservationDecider,
  type ReservationHolder,
  type ReserveClientName,
} from '@dossiers/domain';
import type { ClientNameEvent } from '@dossiers/events';
import { Aggregates, EventStreams } from '@dossiers/application';
import { UniqueValues } from '../shared/unique-values';

/** One reservation stream per tenant and normalised name; the hash keeps stream ids short and safe. */
export const clientNameStreamId = (tenant: string, name: string) =>
  `client-name-${createHash('sha256')
    .update(`${tenant}\n${clientNameKey(name)}`)
    .digest('hex')
    .slice(0, 40)}`;

/**
 * Keeps client names unique per tenant (see client-name-reservation.decider.ts for the rules).
 * `reserve(clientId, name, clientRevision, context)` reserves `name` before the create or rename
 * decided on the client's stream at `clientRevision` (-1 for a creation); CLIENT_NAME_TAKEN (409)
 * when another client holds it.
 */
@Injectable()
export class ClientNameRegistry extends UniqueValues<ReservationHolder, ReserveClientName, ClientNameEvent> {
  constructor(streams: EventStreams, aggregates: Aggregates) {
    super(streams, {
      kind: 'client name',
      decider: clientNameReservationDecider,
      streamId: clientNameStreamId,
      loadHolder: async (clientId, tenant) => {
        const { state, revision } = await aggregates.clients.load(clientId, tenant);
        return { state, revision };
      },
      reserveCommand: ({ requesterId, value, now, requesterRevision, holder }) => ({
        type: 'ReserveClientName',
        clientId: requesterId,
        name: value,
        now,
        clientRevision: requesterRevision,
        holder,
      }),
    });
  }
}
