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

export interface LoadedStream<State> {
  state: State;
  revision: number;
  position: number;
}

/** Each round of concurrent writers to one stream lets one through, so this bounds the writers absorbed at once. */
const MAX_ATTEMPTS = 20;

/** Reads a stream and folds it, refusing streams that belong to another tenant (they do not exist for the caller). */
export async function loadStream<State, Event extends DomainEvent>(
  store: EventStore,
  decider: Pick<Decider<State, unknown, Event>, 'initialState' | 'evolve'>,
  streamId: string,
  tenant: string,
  notFound: () => NotFoundError,
): Promise<LoadedStream<State>> {
  const recorded = await store.readStream(streamId);
  if (recorded.length > 0 && recorded[0].metadata.tenant !== tenant) throw notFound();
  const state = recorded
    .map(upcast)
    .reduce((s, e) => decider.evolve(s, e as unknown as Event), decider.initialState());
  const last: RecordedEvent | undefined = recorded[recorded.length - 1];
  return { state, revision: last?.revision ?? -1, position: last?.position ?? 0 };
}

/**
 * The one command handler: read the stream, fold, decide, append with the expected revision.
 * Without If-Match a concurrent write is absorbed by deciding again on the fresher state; with
 * If-Match it is the caller's conflict (WrongExpectedVersionError -> 412).
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
): Promise<CommandResult> {
  for (let attempt = 1; ; attempt++) {
    const current = await loadStream(store, decider, streamId, context.tenant, notFound);
    if (context.expectedRevision !== undefined && context.expectedRevision !== current.revision) {
      throw new WrongExpectedVersionError(streamId, context.expectedRevision, current.revision);
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
      const retry = error instanceof WrongExpectedVersionError && context.expectedRevision === undefined;
      if (!retry || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

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
