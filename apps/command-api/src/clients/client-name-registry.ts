import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  clientDecider,
  clientNameKey,
  clientNameReservationDecider,
  clientStreamId,
  NotFoundError,
  type ReservationHolder,
} from '@dossiers/domain';
import { handleCommand, loadStream, type CommandContext } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';

/** One reservation stream per tenant and normalised name; the hash keeps stream ids short and safe. */
export const clientNameStreamId = (tenant: string, name: string) =>
  `client-name-${createHash('sha256')
    .update(`${tenant}\n${clientNameKey(name)}`)
    .digest('hex')
    .slice(0, 40)}`;

/**
 * Keeps client names unique per tenant (see client-name-reservation.decider.ts for the rules).
 * Reservation commands never use the caller's If-Match: that one belongs to the client stream.
 */
@Injectable()
export class ClientNameRegistry {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  /**
   * Reserves `name` for `clientId` before the create or rename decided on the client's stream at
   * `clientRevision` (-1 for a creation). Throws CLIENT_NAME_TAKEN (409) when another client holds it.
   */
  async reserve(
    clientId: string,
    name: string,
    clientRevision: number,
    context: CommandContext,
  ): Promise<void> {
    await handleCommand(
      this.eventStore,
      clientNameReservationDecider,
      clientNameStreamId(context.tenant, name),
      async (reservation) => {
        const holder =
          reservation.holderId && reservation.holderId !== clientId
            ? await this.holder(reservation.holderId, context.tenant)
            : null;
        return {
          type: 'ReserveClientName' as const,
          clientId,
          name,
          now: context.now,
          clientRevision,
          holder,
        };
      },
      // A request may reserve again from a newer revision (its rename was retried): that event must
      // not share an id with its first reservation, or the store would drop it as a repeat.
      {
        ...context,
        expectedRevision: undefined,
        eventId: (streamId, index) => context.eventId(`${streamId}@${clientRevision}`, index),
      },
      () => new NotFoundError('client name', name),
    );
  }

  private async holder(clientId: string, tenant: string): Promise<ReservationHolder> {
    const { state, revision } = await loadStream(
      this.eventStore,
      clientDecider,
      clientStreamId(clientId),
      tenant,
      () => new NotFoundError('client', clientId),
    );
    return { state, revision };
  }
}
