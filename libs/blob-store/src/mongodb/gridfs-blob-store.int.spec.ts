import { randomUUID } from 'node:crypto';
import { Binary, MongoClient, ObjectId } from 'mongodb';
import { blobStoreContract } from '../blob-store.contract';
import { GridFsBlobStore } from './gridfs-blob-store';

// No MongoDB on a bare machine: the suite needs `docker compose up mongo` and MONGO_URL
// (test/report-optional-suites.js prints that it was skipped, and why).
const url = process.env.MONGO_URL;
const databaseName = 'blob_store_contract';

(url ? describe : describe.skip)('GridFS (needs MONGO_URL)', () => {
  let client: MongoClient;
  beforeAll(() => (client = new MongoClient(url!)));
  afterAll(() => client.close());

  blobStoreContract('GridFS', async () => {
    // A bucket per test: its files and chunks collections hold nothing but this test's blobs.
    const bucketName = `b_${randomUUID().replace(/-/g, '')}`;
    const store = new GridFsBlobStore({ url: url!, databaseName, bucketName });
    const db = client.db(databaseName);
    const documents = async (suffix: string) =>
      (
        await db
          .collection(`${bucketName}.${suffix}`)
          .find({}, { projection: { _id: 1 } })
          .toArray()
      ).map((doc) => `${suffix}:${String(doc._id)}`);
    return {
      store,
      leftovers: async () => [...(await documents('files')), ...(await documents('chunks'))],
      // Chunks as the driver writes them, and no files document: GridFS writes it after the last chunk.
      leaveKilledWrite: async () => {
        const filesId = randomUUID();
        await db.collection(`${bucketName}.chunks`).insertMany([
          { _id: new ObjectId(), files_id: filesId, n: 0, data: new Binary(Buffer.alloc(16, 1)) },
          { _id: new ObjectId(), files_id: filesId, n: 1, data: new Binary(Buffer.alloc(16, 2)) },
        ]);
      },
      cleanup: async () => {
        await store.close();
        await db.dropCollection(`${bucketName}.files`).catch(() => undefined);
        await db.dropCollection(`${bucketName}.chunks`).catch(() => undefined);
      },
    };
  });
});
