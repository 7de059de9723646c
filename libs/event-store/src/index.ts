// The contract suite (event-store.contract.ts) is not exported: it needs jest's globals.
export * from './event-store.port';
export { withoutRepeats, type Placement, type WithoutRepeats } from './repeated-events';
export { PROCESS_WARNINGS, type EventStoreLogger } from './event-store-logger';
export {
  SqliteEventStore,
  SQLITE_EVENTS_SCHEMA,
  type SqliteEventStoreOptions,
  type SqliteEventStoreStats,
} from './sqlite/sqlite-event-store';
export { EventStoreDbEventStore, REPEAT_WINDOW } from './eventstoredb/eventstoredb-event-store';
export {
  EVENTSTORE_URL_SCHEMES,
  connectionStringProblem,
  toEsdbConnectionString,
} from './eventstoredb/connection-string';
