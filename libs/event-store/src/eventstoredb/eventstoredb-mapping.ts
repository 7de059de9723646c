import {
  ANY,
  type AppendExpectedRevision,
  type CurrentRevision,
  type EventData,
  jsonEvent,
  NO_STREAM,
  type Position,
  STREAM_EXISTS,
} from '@eventstore/db-client';
import type { EventMetadata, JsonObject, NewEvent, RecordedEvent } from '@dossiers/events';
import type { Checkpoint, ExpectedRevision } from '../event-store.port';

/** What this module needs of the client's recorded events, whichever read produced them. */
export interface EsdbRecordedEvent {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  data: unknown;
  metadata: unknown;
  position?: Position;
  /** when the server wrote it (the client turns its ticks into a Date, to the millisecond) */
  created: Date;
}

/** EventStoreDB has no field for the schema version: it travels in the metadata. */
type StoredMetadata = EventMetadata & { schemaVersion?: number };

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

export function toRevision(current: CurrentRevision): number {
  return current === NO_STREAM ? -1 : Number(current);
}

export function toEventData(event: NewEvent): EventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: { ...event.metadata, schemaVersion: event.schemaVersion },
  });
}

/** How the server says "no position" in a 64-bit unsigned field: -1 as a .NET long, cast to ulong. */
export const NO_POSITION = 2n ** 64n - 1n;

/**
 * The position, or undefined when there is none: absent, the server's NO_POSITION, or the zeros the
 * client reads from unset protobuf fields. 0 is never a real one for our events: the log opens with
 * the server's own records, so no event of ours can sit at its very start.
 */
export function knownPosition(position: Position | undefined): Position | undefined {
  if (!position) return undefined;
  const { commit, prepare } = position;
  if (commit === NO_POSITION || prepare === NO_POSITION || commit === 0n) return undefined;
  return position;
}

export function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent {
  const position = knownPosition(event.position);
  if (!position) {
    // Positions are our checkpoints: inventing one would make a reader skip or repeat events.
    throw new Error(
      `EventStoreDB gave no position for ${event.streamId}@${event.revision}: it must be 22.6 or newer`,
    );
  }
  const { schemaVersion = 1, ...metadata } = (event.metadata ?? {}) as StoredMetadata;
  return {
    id: event.id,
    type: event.type,
    schemaVersion,
    data: event.data as JsonObject,
    metadata,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: Number(position.commit),
    prepare: Number(position.prepare),
    recordedAt: event.created.toISOString(),
  };
}

export function toEsdbPosition({ position, prepare = position }: Checkpoint): Position {
  return { commit: BigInt(position), prepare: BigInt(prepare) };
}

export function checkpointOf(event: RecordedEvent): Checkpoint {
  return { position: event.position, prepare: event.prepare ?? event.position };
}

/** The server's own bookkeeping ($statistics, $metadata, projections...): never ours to hand out. */
export function isSystemEvent(type: string): boolean {
  return type.startsWith('$');
}
