import type { ClientEvent, ClientNameEvent } from './client.events';
import type { GroupEvent } from './group.events';

export type AnyDomainEvent = ClientEvent | ClientNameEvent | GroupEvent;
export type EventType = AnyDomainEvent['type'];

/** The schema version new events of each type are written with. */
export const CURRENT_SCHEMA_VERSION: Record<EventType, number> = {
  ClientCreated: 1,
  ClientRenamed: 1,
  ClientGroupChanged: 1,
  ClientAttributesChanged: 1,
  ClientDeleted: 1,
  ClientNameReserved: 1,
  GroupCreated: 1,
};
