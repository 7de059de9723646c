import type { Decider } from '@dossiers/domain';
import { NotFoundError } from '@dossiers/domain';
import {
  CURRENT_SCHEMA_VERSION,
  upcast,
  type DomainEvent,
  type EventType,
  type JsonObject,
  type NewEvent,
  type RecordedEvent,
} from '@dossiers/events';
import {
  WrongExpectedVersionError,
  withoutRepeats,
  type EventStore,
  type ExpectedRevision,
} from '@dossiers/event-store';
import type { CommandContext, CommandResult } from './command-context';
import type { FoldedState, FoldedStateCache } from './folded-state-cache';

export interface LoadedStream<State> {
  state: State;
  /** revision of the stream's last event (-1: the stream does not exist) */
  revision: number;
  position: number;
}

/**
 * What a command needs from other streams before it can be decided: lookups and reservations that
 * depend on the state (a rename reserves the new name from the revision it is decided on). It is
 * the one place a command does I/O besides its own read and append, and it runs again, at the new
 * revision, when a concurrent write makes the handler decide again.
 */
export type Prepare<State, Inputs> = (state: State, revision: number) => Promise<Inputs>;

/** The command, or a pure function of the state (and of what `prepare` found) that builds it. */
export type CommandOf<State, Command, Inputs> = Command | ((state: State, inputs: Inputs) => Command);

export interface HandleOptions<State, Inputs> {
  /**
   * Whether the actor may act on this stream at all, checked first on each attempt (throws: a
   * NotFoundError for what they may not see, a ForbiddenError for what they may not change). It
   * comes before the If-Match check, so a precondition never answers for a stream the caller may not
   * see, and before `prepare`, so nothing is reserved for a refused command.
   */
  authorize?: (state: State) => void;
  prepare?: Prepare<State, Inputs>;
}

/** Each round of concurrent writers to one stream lets one through, so this bounds the writers absorbed at once. */
const MAX_ATTEMPTS = 20;

/**
 * An aggregate type bound once to its decider, its stream naming and what its absence is called, so
 * that a handler says `clients.handle(id, command, context)` and nothing else.
 */
export interface Aggregate<State, Command> {
  readonly kind: string;
  streamId(id: string): string;
  /** The stream folded, refusing one of another tenant (404, as if absent). */
  load(id: string, tenant: string): Promise<LoadedStream<State>>;
  handle<Inputs = undefined>(
    id: string,
    command: CommandOf<State, Command, Inputs>,
    context: CommandContext,
    options?: HandleOptions<State, Inputs>,
  ): Promise<CommandResult>;
}

/**
 * The event store as commands use it: streams read, folded with their decider, decided on and
 * appended with the expected revision; folded states kept in `cache` (when given) so that a command
 * on a long stream reads only the events appended since the last one. Built once in the
 * composition root (InfrastructureModule), where the cache is visible.
 *
 * Without If-Match a concurrent write is absorbed by deciding again on the fresher state; with
 * If-Match it is the caller's conflict (WrongExpectedVersionError -> 412). A stale cached state
 * cannot slip a decision through, since the append expects the revision it was folded up to. The
 * cache is not updated with the appended events: they went through the store's serialisation and
 * maybe its deduplication, so the next load reads them back (one short read).
 */
export class EventStreams {
  constructor(
    readonly store: EventStore,
    private readonly cache: FoldedStateCache | null = null,
  ) {}

  /**
   * `decider`'s aggregate, with streams named by `streamId` and absent ones reported as `kind` not
   * found. A `log` decides nothing on its past (its state is constant): its commands are decided on
   * the initial state and appended whatever the stream's revision, so writers never conflict and
   * nothing is read (a client's downloads).
   */
  aggregate<State, Command, Event extends DomainEvent>(
    decider: Decider<State, Command, Event>,
    streamId: (id: string) => string,
    kind: string,
    { log = false }: { log?: boolean } = {},
  ): Aggregate<State, Command> {
    const notFound = (id: string) => () => new NotFoundError(kind, id);
    return {
      kind,
      streamId,
      load: (id, tenant) => this.load(decider, streamId(id), tenant, notFound(id)),
      handle: (id, command, context, options) => {
        if (!log) return this.handle(decider, streamId(id), command, context, notFound(id), options);
        // A log reads nothing, so it has no state to authorize on or prepare from: say so, rather than skip them.
        if (options?.authorize || options?.prepare)
          return Promise.reject(new TypeError(`${kind} log: no authorize or prepare`));
        return this.record(decider, streamId(id), command as CommandOf<State, Command, undefined>, context);
      },
    };
  }

  /** A log's command: decided on the initial state, appended without a revision check. */
  private async record<State, Command, Event extends DomainEvent>(
    decider: Decider<State, Command, Event>,
    streamId: string,
    command: CommandOf<State, Command, undefined>,
    context: CommandContext,
  ): Promise<CommandResult> {
    const state = decider.initialState();
    const resolved =
      typeof command === 'function'
        ? (command as (s: State, i: undefined) => Command)(state, undefined)
        : command;
    const events = decider.decide(resolved, state);
    if (events.length === 0) return { revision: -1, position: 0 };
    const appended = await this.store.append(streamId, toNewEvents(streamId, events, context), 'any');
    return { revision: appended.nextRevision, position: appended.position };
  }

  /**
   * Reads a stream and folds it, refusing a stream of another tenant (it does not exist for the
   * caller). With a cached fold, reads and folds only the events after the cached revision: event
   * stores are append-only, so the events up to it are the ones already folded.
   */
  async load<State, Event extends DomainEvent>(
    decider: Pick<Decider<State, unknown, Event>, 'initialState' | 'evolve'>,
    streamId: string,
    tenant: string,
    notFound: () => NotFoundError,
  ): Promise<LoadedStream<State>> {
    return (await this.read(decider, streamId, tenant, notFound)).loaded;
  }

  /** `load`, with the events it read: the whole stream, or those after the cached revision. */
  private async read<State, Event extends DomainEvent>(
    decider: Pick<Decider<State, unknown, Event>, 'initialState' | 'evolve'>,
    streamId: string,
    tenant: string,
    notFound: () => NotFoundError,
  ): Promise<{ loaded: LoadedStream<State>; recorded: RecordedEvent[] }> {
    const cached = this.cache?.get<State>(decider, streamId);
    if (cached) {
      if (cached.tenant !== tenant) throw notFound();
      const recorded = await this.store.readStream(streamId, { fromRevision: cached.revision + 1 });
      // A free sanity check: anything but the next revision (an adapter ignoring fromRevision) is refolded.
      if (recorded.length === 0 || recorded[0].revision === cached.revision + 1) {
        return { loaded: this.fold(decider, streamId, cached, recorded), recorded };
      }
      this.cache!.forget(decider, streamId);
    }
    const recorded = await this.store.readStream(streamId);
    if (recorded.length === 0)
      return { loaded: { state: decider.initialState(), revision: -1, position: 0 }, recorded };
    const owner = recorded[0].metadata.tenant;
    if (owner !== tenant) throw notFound();
    const start = { state: decider.initialState(), revision: -1, position: 0, tenant: owner };
    return { loaded: this.fold(decider, streamId, start, recorded), recorded };
  }

  /** The one command handler: read, fold, authorize, check If-Match, prepare, decide, append with the expected revision. */
  async handle<State, Command, Event extends DomainEvent, Inputs>(
    decider: Decider<State, Command, Event>,
    streamId: string,
    command: CommandOf<State, Command, Inputs>,
    context: CommandContext,
    notFound: () => NotFoundError,
    { authorize, prepare }: HandleOptions<State, Inputs> = {},
  ): Promise<CommandResult> {
    for (let attempt = 1; ; attempt++) {
      const { loaded: current, recorded } = await this.read(decider, streamId, context.tenant, notFound);
      authorize?.(current.state);
      if (!meetsPrecondition(context.expectedRevision, current.revision)) {
        throw new WrongExpectedVersionError(
          streamId,
          expectedOf(context.expectedRevision!),
          current.revision,
        );
      }
      const inputs = (prepare ? await prepare(current.state, current.revision) : undefined) as Inputs;
      const resolved =
        typeof command === 'function'
          ? (command as (state: State, inputs: Inputs) => Command)(current.state, inputs)
          : command;
      const events = decider.decide(resolved, current.state);
      if (events.length === 0)
        return { revision: current.revision, position: current.position, unchanged: true };

      // A retried command (Idempotency-Key: the same event ids) whose events this read shows went
      // through: dropped here, as the store would, since the store's own search may be bounded
      // (EventStoreDB's REPEAT_WINDOW) where this read is not.
      const read = new Map(recorded.map((event) => [event.id, event]));
      const deduplicated = withoutRepeats(toNewEvents(streamId, events, context), (id) => read.get(id));
      if ('retried' in deduplicated) {
        return { revision: deduplicated.retried.nextRevision, position: deduplicated.retried.position };
      }
      const expected: ExpectedRevision = current.revision === -1 ? 'no_stream' : current.revision;
      try {
        const appended = await this.store.append(streamId, deduplicated.fresh, expected);
        return { revision: appended.nextRevision, position: appended.position };
      } catch (error) {
        // A stream behind the fold is not one it came from (a store reset under a live cache): drop it.
        if (error instanceof WrongExpectedVersionError && error.actual < current.revision) {
          this.cache?.forget(decider, streamId);
        }
        // A stated revision is the caller's conflict; `exists` (If-Match: *) still holds on a retry.
        const retry =
          error instanceof WrongExpectedVersionError && typeof context.expectedRevision !== 'number';
        if (!retry || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Folds `recorded` (upcast first) onto `from`, and remembers the result when it moved on. */
  private fold<State, Event extends DomainEvent>(
    decider: Pick<Decider<State, unknown, Event>, 'evolve'>,
    streamId: string,
    from: FoldedState<State>,
    recorded: RecordedEvent[],
  ): LoadedStream<State> {
    if (recorded.length === 0) return { state: from.state, revision: from.revision, position: from.position };
    const state = recorded.map(upcast).reduce((s, e) => decider.evolve(s, e as unknown as Event), from.state);
    const last = recorded[recorded.length - 1];
    this.cache?.remember(decider, streamId, {
      state,
      revision: last.revision,
      position: last.position,
      tenant: from.tenant,
    });
    return { state, revision: last.revision, position: last.position };
  }
}

/** Whether a stream at `revision` (-1: absent) meets the caller's If-Match. */
export function meetsPrecondition(expected: CommandContext['expectedRevision'], revision: number): boolean {
  if (expected === undefined) return true;
  return expected === 'exists' ? revision >= 0 : expected === revision;
}

/**
 * Before a creation's first step (a reservation): any If-Match names a resource that does not
 * exist yet, so it cannot hold (412), and nothing may be reserved for it.
 */
export function refuseIfMatchOnCreation(streamId: string, context: CommandContext): void {
  if (!meetsPrecondition(context.expectedRevision, -1))
    throw new WrongExpectedVersionError(streamId, expectedOf(context.expectedRevision!), -1);
}

const expectedOf = (expected: number | 'exists'): ExpectedRevision =>
  expected === 'exists' ? 'stream_exists' : expected;

/** The envelope of a command's events: ids from the context, metadata from who, when and why. */
export function toNewEvents(streamId: string, events: DomainEvent[], context: CommandContext): NewEvent[] {
  return events.map((event, index) => ({
    id: context.eventId(streamId, index),
    type: event.type,
    schemaVersion: CURRENT_SCHEMA_VERSION[event.type as EventType] ?? 1,
    data: event.data as JsonObject,
    metadata: {
      tenant: context.tenant,
      actor: context.actor,
      correlationId: context.correlationId,
      causationId: context.causationId,
      occurredAt: context.now,
      actorRole: context.role,
    },
  }));
}
