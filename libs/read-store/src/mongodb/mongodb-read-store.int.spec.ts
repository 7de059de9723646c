import { readStoreContract } from '../read-store.contract';
import { MongoReadStore } from './mongodb-read-store';

// No MongoDB on a bare machine: the suite needs the replica set of `docker compose up mongo`.
const url = process.env.MONGO_URL;
if (!url) console.warn('MongoDB contract suite skipped: set MONGO_URL (docker compose up mongo) to run it');

(url ? describe : describe.skip)('MongoDB', () => {
  readStoreContract('MongoDB', async () => {
    const store = new MongoReadStore({ url: url!, databaseName: 'read_store_contract' });
    return { store, cleanup: () => store.close() };
  });
});
