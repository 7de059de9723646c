import { readStoreContract } from '../read-store.contract';
import { MongoReadStore } from './mongodb-read-store';

// No MongoDB on a bare machine: the suite needs the replica set of `docker compose up mongo` and
// MONGO_URL (test/report-optional-suites.js prints that it was skipped, and why).
const url = process.env.MONGO_URL;

(url ? describe : describe.skip)('MongoDB (needs MONGO_URL)', () => {
  readStoreContract('MongoDB', async (normalizeText, logger) => {
    const store = new MongoReadStore({
      url: url!,
      databaseName: 'read_store_contract',
      normalizeText,
      logger,
    });
    return { store, cleanup: () => store.close() };
  });
});
