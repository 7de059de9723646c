import { NotFoundError, type Decider, type Reservation } from '@dossiers/domain';
import type { DomainEvent } from '@dossiers/events';
import type { CommandContext, EventStreams } from '@dossiers/application';

/** What a reservation command is built from: who reserves which value, when, and who holds it now. */
export interface ReservationRequest<Holder> {
  requesterId: string;
  value: string;
  now: string;
  /** the requester's own stream revision, on which its create or change will be decided (-1: a creation) */
  requesterRevision: number;
  /** the current holder when it is another aggregate, read from its stream */
  holder: Holder | null;
}

/** One kind of unique value (a client name, a contact email): its reservation decider and streams. */
export interface UniqueValueKind<Holder, Command, Event extends DomainEvent> {
  /** what the value is called in errors (`client name`) */
  kind: string;
  decider: Decider<Reservation, Command, Event>;
  /** One reservation stream per tenant and normalised value. */
  streamId(tenant: string, value: string): string;
  /** The holder as its own stream shows it now. */
  loadHolder(holderId: string, tenant: string): Promise<Holder>;
  reserveCommand(request: ReservationRequest<Holder>): Command;
}

/**
 * Values kept unique per tenant across aggregates (see libs/domain's shared/reservation.ts for the
 * rules): each value has a reservation stream where an aggregate reserves it before the command
 * that gives it the value. The holder's stream is read in `prepare`, so a reservation retried
 * after a concurrent one decides on the holder of that newer reservation. Reservation commands
 * never use the caller's If-Match: that one belongs to the reserving aggregate's stream.
 */
export class UniqueValues<Holder, Command, Event extends DomainEvent> {
  constructor(
    private readonly streams: EventStreams,
    private readonly values: UniqueValueKind<Holder, Command, Event>,
  ) {}

  /**
   * Reserves `value` for `requesterId` before the create or change decided on its stream at
   * `requesterRevision` (-1 for a creation). Throws the decider's conflict (409) when another
   * aggregate holds it; reserving again from the revision already recorded changes nothing.
   */
  async reserve(
    requesterId: string,
    value: string,
    requesterRevision: number,
    context: CommandContext,
  ): Promise<void> {
    const { now, tenant } = context;
    await this.streams.handle(
      this.values.decider,
      this.values.streamId(tenant, value),
      (_reservation: Reservation, holder: Holder | null) =>
        this.values.reserveCommand({ requesterId, value, now, requesterRevision, holder }),
      // A request may reserve again from a newer revision (its change was retried): that event must
      // not share an id with its first reservation, or the store would drop it as a repeat.
      {
        ...context,
        expectedRevision: undefined,
        eventId: (streamId, index) => context.eventId(`${streamId}@${requesterRevision}`, index),
      },
      () => new NotFoundError(this.values.kind, value),
      { prepare: (reservation) => this.holderOtherThan(requesterId, reservation, tenant) },
    );
  }

  /** The value's reservation and its holder now, for a check that reserves nothing. */
  async current(value: string, tenant: string): Promise<{ reservation: Reservation; holder: Holder | null }> {
    const { state: reservation } = await this.streams.load(
      this.values.decider,
      this.values.streamId(tenant, value),
      tenant,
      () => new NotFoundError(this.values.kind, value),
    );
    return { reservation, holder: await this.holderOtherThan(null, reservation, tenant) };
  }

  private async holderOtherThan(
    requesterId: string | null,
    reservation: Reservation,
    tenant: string,
  ): Promise<Holder | null> {
    const { holderId } = reservation;
    return holderId && holderId !== requesterId ? this.values.loadHolder(holderId, tenant) : null;
  }
}
