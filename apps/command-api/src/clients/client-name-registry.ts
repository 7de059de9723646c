import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  clientDecider,
  clientNameKey,
  clientNameReservationDecider,
  clientStreamId,
  NotFoundError,
  type ClientState,
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

  async reserve(clientId: string, name: string, context: CommandContext): Promise<void> {
    const streamId = clientNameStreamId(context.tenant, name);
    await handleCommand(
      this.eventStore,
      clientNameReservationDecider,
      streamId,
      async (state) => {
        const holder =
          state.holderId && state.holderId !== clientId
            ? await this.clientState(state.holderId, context.tenant)
            : null;
        return { type: 'ReserveClientName' as const, clientId, name, now: context.now, holder };
      },
      { ...context, expectedRevision: undefined },
      () => new NotFoundError('client name', name),
    );
  }

  async release(clientId: string, name: string, context: CommandContext): Promise<void> {
    await handleCommand(
      this.eventStore,
      clientNameReservationDecider,
      clientNameStreamId(context.tenant, name),
      { type: 'ReleaseClientName', clientId },
      { ...context, expectedRevision: undefined },
      () => new NotFoundError('client name', name),
    );
  }

  private async clientState(clientId: string, tenant: string): Promise<ClientState> {
    const loaded = await loadStream(
      this.eventStore,
      clientDecider,
      clientStreamId(clientId),
      tenant,
      () => new NotFoundError('client', clientId),
    );
    return loaded.state;
  }
}
