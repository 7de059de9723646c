import {
  CURRENT_SCHEMA_VERSION,
  upcast,
  type AnyDomainEvent,
  type DomainEvent,
  type EventMetadata,
  type JsonObject,
  type RecordedEvent,
} from '@dossiers/events';
import type { Document } from '@dossiers/read-store';
import type { Projection, Recorded } from '../projection/projection';

/** An event of a specification: the domain event, and whatever of its envelope the test cares about. */
export type SpecEvent = AnyDomainEvent & {
  id?: string;
  streamId?: string;
  /** default: how many events of the specification came before it on its stream */
  revision?: number;
  schemaVersion?: number;
  metadata?: Partial<EventMetadata>;
};

export interface ProjectionSpecificationOptions {
  /** the envelope of every event, unless an event says otherwise */
  metadata?: Partial<EventMetadata>;
}

const DEFAULT_METADATA: EventMetadata = {
  tenant: 'firm-a',
  actor: 'user-1',
  correlationId: 'correlation-1',
  causationId: null,
  occurredAt: '2026-01-01T10:00:00.000Z',
};

/**
 * given(events).when(events).then(documents) | .thenMatches(partialDocuments), beside
 * deciderSpecification: the events go through the projection as the engine takes them (upcast,
 * only the types in `canHandle`, each to the document `documentId` names, null deleting it), and
 * `then` compares every document the projection holds afterwards, in `_id` order.
 *
 * Stricter than the engine where the engine trusts the projection: the documents evolve is given
 * are frozen (an evolve that changes one throws), and an event in `creates` finding its document
 * already there fails (the engine would not have looked it up).
 */
export function projectionSpecification<Doc extends Document, E extends DomainEvent>(
  projection: Projection<Doc, E>,
  { metadata = {} }: ProjectionSpecificationOptions = {},
) {
  const handles = new Set<string>(projection.canHandle);
  const creates = new Set<string>(projection.creates ?? []);

  const apply = (documents: Map<string, Doc>, events: RecordedEvent[]) => {
    for (const event of events) {
      if (!handles.has(event.type)) continue;
      const typed = event as Recorded<E>;
      const id = projection.documentId(typed);
      if (id === null) continue;
      const current = documents.get(id) ?? null;
      if (current && creates.has(event.type))
        throw new Error(`${projection.name}: ${event.type} creates its document, but ${id} exists already`);
      const next = projection.evolve(current, typed);
      if (next) documents.set(id, deepFreeze(next));
      else documents.delete(id);
    }
  };

  return {
    given(history: SpecEvent[]) {
      const log = eventLog(metadata);
      const documents = new Map<string, Doc>();
      apply(documents, history.map(log));
      return {
        when(events: SpecEvent | SpecEvent[]) {
          apply(documents, (Array.isArray(events) ? events : [events]).map(log));
          const all = () =>
            [...documents.values()].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
          return {
            /** every document, in `_id` order, equal to these */
            then(expected: Doc[]) {
              expect(all()).toEqual(expected);
            },
            /** every document, in `_id` order, holding at least these fields */
            thenMatches(expected: object[]) {
              expect(all()).toMatchObject(expected);
            },
            /** the documents, in `_id` order, for anything else to check */
            documents: all,
          };
        },
      };
    },
  };
}

/** Stores a specification's events one after the other, as an event store would (upcast when read). */
function eventLog(metadata: Partial<EventMetadata>): (event: SpecEvent) => RecordedEvent {
  let position = 0;
  const revisions = new Map<string, number>();
  return ({ id, streamId = 'stream', revision, schemaVersion, metadata: own, ...event }) => {
    const next = revision ?? revisions.get(streamId) ?? 0;
    revisions.set(streamId, next + 1);
    position += 1;
    return upcast({
      id: id ?? `event-${position}`,
      type: event.type,
      schemaVersion: schemaVersion ?? CURRENT_SCHEMA_VERSION[event.type],
      data: event.data as JsonObject,
      metadata: { ...DEFAULT_METADATA, ...metadata, ...own },
      streamId,
      revision: next,
      position,
      recordedAt: own?.occurredAt ?? metadata.occurredAt ?? DEFAULT_METADATA.occurredAt,
    });
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}
