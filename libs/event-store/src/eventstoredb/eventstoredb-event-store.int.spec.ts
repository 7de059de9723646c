import { eventStoreContract } from '../event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const url = process.env.EVENTSTORE_URL;

if (url) {
  eventStoreContract('EventStoreDbEventStore', async () => {
    const store = new EventStoreDbEventStore(url);
    return { store, cleanup: () => store.close() };
  });
} else {
  console.warn(
    'EventStoreDB contract suite skipped: set EVENTSTORE_URL (docker compose up eventstore) to run it',
  );
  describe.skip('EventStoreDbEventStore honours the EventStore contract (needs EVENTSTORE_URL)', () => {
    it('runs against a live EventStoreDB server', () => undefined);
  });
}
