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
import { WrongExpectedVersionError, type EventStore, type ExpectedRevision } from '@dossiers/event-store';
import type { CommandContext, CommandResult } from './command-context';
import { foldedStateCacheOf, type FoldedState, type FoldedStateCache } from './folded-state-cache';

export interface LoadedStream<State> {
  state: State;
  revision: number;
  position: number;
}

/** Each round of concurrent writers to one stream lets one through, so this bounds the writers absorbed at once. */
const MAX_ATTEMPTS = 20;

/** How loadStream and handleCommand may use a cache of folded states. */
export interface FoldOptions {
  /**
   * Where folded states are kept between calls. Default: the cache registered for the store with
   * registerFoldedStateCache (the infrastructure module registers one per process); null: none.
   */
  cache?: FoldedStateCache | null;
}

/**
 * Reads a stream and folds it, refusing streams that belong to another tenant (they do not exist for
 * the caller). With a cached fold, reads and folds only the events after the cached revision: event
 * stores are append-only, so the events up to it are the ones already folded. (A cache is tied to one
 * store instance; one kept across a store reset could answer a state the stream no longer has, until
 * handleCommand's next append to that stream fails on it and drops it.)
 */
export async function loadStream<State, Event extends DomainEvent>(
  store: EventStore,
  decider: Pick<Decider<State, unknown, Event>, 'initialState' | 'evolve'>,
  streamId: string,
  tenant: string,
  notFound: () => NotFoundError,
  { cache = foldedStateCacheOf(store) }: FoldOptions = {},
): Promise<LoadedStream<State>> {
  const cached = cache?.get<State>(decider, streamId);
  if (cache && cached) {
    if (cached.tenant !== tenant) throw notFound();
    const recorded = await store.readStream(streamId, { fromRevision: cached.revision + 1 });
    // A free sanity check: anything but the next revision (an adapter ignoring fromRevision) is refolded.
    if (recorded.length === 0 || recorded[0].revision === cached.revision + 1) {
      return fold(cache, decider, streamId, cached, recorded);
    }
    cache.forget(decider, streamId);
  }
  const recorded = await store.readStream(streamId);
  if (recorded.length === 0) return { state: decider.initialState(), revision: -1, position: 0 };
  const owner = recorded[0].metadata.tenant;
  if (owner !== tenant) throw notFound();
  const start = { state: decider.initialState(), revision: -1, position: 0, tenant: owner };
  return fold(cache ?? null, decider, streamId, start, recorded);
}

/** Folds `recorded` (upcast first) onto `from`, and remembers the result when it moved on. */
function fold<State, Event extends DomainEvent>(
  cache: FoldedStateCache | null,
  decider: Pick<Decider<State, unknown, Event>, 'evolve'>,
  streamId: string,
  from: FoldedState<State>,
  recorded: RecordedEvent[],
): LoadedStream<State> {
  if (recorded.length === 0) return { state: from.state, revision: from.revision, position: from.position };
  const state = recorded.map(upcast).reduce((s, e) => decider.evolve(s, e as unknown as Event), from.state);
  const last = recorded[recorded.length - 1];
  cache?.remember(decider, streamId, {
    state,
    revision: last.revision,
    position: last.position,
    tenant: from.tenant,
  });
  return { state, revision: last.revision, position: last.position };
}

/**
 * The one command handler: read the stream, fold, decide, append with the expected revision.
 * Without If-Match a concurrent write is absorbed by deciding again on the fresher state; with
 * If-Match it is the caller's conflict (WrongExpectedVersionError -> 412).
 *
 * The state may come from a cache of folds (see loadStream): a stale one cannot slip a decision
 * through, since the append expects the revision the state was folded up to. The cache is not
 * updated with the appended events: they went through the store's serialisation and maybe its
 * deduplication, so the next load reads them back (one short read) rather than trust a local fold.
 */
export async function handleCommand<State, Command, Event extends DomainEvent>(
  store: EventStore,
  decider: Decider<State, Command, Event>,
  streamId: string,
  /**
   * the command, or a function of the current state and revision that builds it (for lookups and
   * reservations that depend on them); it runs again on each attempt
   */
  command: Command | ((state: State, revision: number) => Command | Promise<Command>),
  context: CommandContext,
  notFound: () => NotFoundError,
  { cache = foldedStateCacheOf(store) }: FoldOptions = {},
): Promise<CommandResult> {
  for (let attempt = 1; ; attempt++) {
    const current = await loadStream(store, decider, streamId, context.tenant, notFound, { cache });
    if (!meetsPrecondition(context.expectedRevision, current.revision)) {
      throw new WrongExpectedVersionError(streamId, expectedOf(context.expectedRevision!), current.revision);
    }
    const resolved =
      typeof command === 'function'
        ? await (command as (s: State, r: number) => Promise<Command>)(current.state, current.revision)
        : command;
    const events = decider.decide(resolved, current.state);
    if (events.length === 0) return { revision: current.revision, position: current.position };

    const expected: ExpectedRevision = current.revision === -1 ? 'no_stream' : current.revision;
    try {
      const appended = await store.append(streamId, toNewEvents(streamId, events, context), expected);
      return { revision: appended.nextRevision, position: appended.position };
    } catch (error) {
      // A stream behind the fold is not one it came from (a store reset under a live cache): drop it.
      if (error instanceof WrongExpectedVersionError && error.actual < current.revision) {
        cache?.forget(decider, streamId);
      }
      // A stated revision is the caller's conflict; `exists` (If-Match: *) still holds on a retry.
      const retry =
        error instanceof WrongExpectedVersionError && typeof context.expectedRevision !== 'number';
      if (!retry || attempt >= MAX_ATTEMPTS) throw error;
    }
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
    },
  }));
}
