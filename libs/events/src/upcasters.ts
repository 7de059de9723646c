import type { RecordedEvent } from './envelope';
import { CURRENT_SCHEMA_VERSION, type EventType } from './schema-versions';

/** Turns a stored payload of version `from` into version `from + 1`. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Upcasters by event type and source version. Empty while every type is at version 1; the first
 * payload change adds e.g. `ClientCreated: { 1: (v1) => ({ ...v1, newField: default }) }`.
 */
const UPCASTERS: Partial<Record<EventType, Record<number, Upcaster>>> = {};

/**
 * Brings a stored event to the current schema of its type, so deciders and projections only
 * ever see the latest shape. Unknown types pass through untouched (readers ignore them).
 */
export function upcast(event: RecordedEvent): RecordedEvent {
  return upcastWith(event, UPCASTERS);
}

export function upcastWith(
  event: RecordedEvent,
  upcasters: Partial<Record<EventType, Record<number, Upcaster>>>,
): RecordedEvent {
  const type = event.type as EventType;
  const target = CURRENT_SCHEMA_VERSION[type];
  if (target === undefined || event.schemaVersion >= target) return event;
  let data = event.data as Record<string, unknown>;
  for (let version = event.schemaVersion; version < target; version++) {
    const step = upcasters[type]?.[version];
    if (!step) throw new Error(`No upcaster for ${type} from schema version ${version}`);
    data = step(data);
  }
  return { ...event, schemaVersion: target, data: data as RecordedEvent['data'] };
}
