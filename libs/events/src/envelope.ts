/** Plain JSON: what an event's data and metadata may hold, so every store can keep it as-is. */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Who did what, for whom, and why: carried by every stored event. */
export interface EventMetadata {
  tenant: string;
  actor: string;
  correlationId: string;
  causationId: string | null;
  /** ISO-8601 instant, given by the command (the domain has no clock). */
  occurredAt: string;
  /**
   * The actor's role when the command ran (its token's role). Absent on events recorded before it
   * was kept: readers then tell the kind from the directory.
   */
  actorRole?: string;
}

/** An event as a decider returns it: type and data only. */
export interface DomainEvent<Type extends string = string, Data extends object = JsonObject> {
  type: Type;
  data: Data;
}

/** An event ready to be appended: the domain event plus its envelope. */
export interface NewEvent<Type extends string = string, Data extends object = JsonObject> {
  /** uuid; appending an id already stored in the stream is a no-op */
  id: string;
  type: Type;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
}

/** An event as read back from the store. */
export interface RecordedEvent<
  Type extends string = string,
  Data extends object = JsonObject,
> extends NewEvent<Type, Data> {
  streamId: string;
  /** 0-based position of the event within its stream */
  revision: number;
  /** global, strictly increasing position in the whole store (EventStoreDB: commit position) */
  position: number;
  /** EventStoreDB prepare position; equal to `position` elsewhere */
  prepare?: number;
  /**
   * ISO-8601 instant the store recorded the event (its clock, not the command's `occurredAt`):
   * non-decreasing along the global position, which is what an auditor's `asOf` compares with.
   */
  recordedAt: string;
}
