import { eventStoreContract } from '../event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

// No EventStoreDB on a bare machine: the suite needs `docker compose up eventstore` and EVENTSTORE_URL
// (test/report-optional-suites.js prints that it was skipped, and why).
const url = process.env.EVENTSTORE_URL;

(url ? describe : describe.skip)('EventStoreDB (needs EVENTSTORE_URL)', () => {
  eventStoreContract('EventStoreDbEventStore', async () => {
    const store = new EventStoreDbEventStore(url!);
    return { store, cleanup: () => store.close() };
  });
});
