import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readStoreContract } from '../read-store.contract';
import { SqliteReadStore } from './sqlite-read-store';

function openStore() {
  const dir = mkdtempSync(join(tmpdir(), 'read-store-'));
  const filename = join(dir, 'read.db');
  const store = new SqliteReadStore({ filename });
  return { store, filename, cleanup: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })) };
}

readStoreContract('SQLite', async () => openStore());

describe('SQLite read store', () => {
  let opened: ReturnType<typeof openStore>;
  beforeEach(() => (opened = openStore()));
  afterEach(() => opened.cleanup());

  it('reads an indexed, sorted first page through the index', async () => {
    const { store, filename } = opened;
    await store.ensureIndexes('clients', [{ name: 'tenant_name', fields: [['tenant', 1], ['nameSort', 1]] }]);
    await store.collection('clients').upsert({ _id: 'a', tenant: 't', nameSort: 'a' });
    // The same SQL the adapter runs for find({ tenant }, { sort: [['nameSort', 1]], limit: 20 }).
    const sql = `SELECT doc FROM "clients" WHERE json_extract(doc, '$.tenant') = ? ORDER BY json_extract(doc, '$.nameSort') ASC LIMIT ? OFFSET ?`;
    const db = new Database(filename, { readonly: true });
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('t', 20, 0) as { detail: string }[];
    db.close();
    expect(plan.map((step) => step.detail).join('\n')).toContain('USING INDEX clients__tenant_name');
    expect(plan.map((step) => step.detail).join('\n')).not.toContain('TEMP B-TREE');
  });

  it('rejects field and collection names that are not identifiers', async () => {
    const clients = opened.store.collection('clients');
    await expect(clients.find({ "a') OR 1=1 --": 'x' })).rejects.toThrow('Invalid field name');
    await expect(clients.find({}, { sort: [['a b', 1]] })).rejects.toThrow('Invalid field name');
    await expect(clients.update('a', { 'x"': 1 })).rejects.toThrow('Invalid field name');
    await expect(opened.store.ensureIndexes('clients', [{ name: 'i', fields: [['$where', 1]] }])).rejects.toThrow('Invalid field name');
    expect(() => opened.store.collection('clients; DROP TABLE x')).toThrow('Invalid collection name');
  });

  it('queues a write made outside an open transaction behind it, untouched by its rollback', async () => {
    const { store } = opened;
    let transactionOpen!: () => void;
    let finishWork!: () => void;
    const isOpen = new Promise<void>((resolve) => (transactionOpen = resolve));
    const workMayFinish = new Promise<void>((resolve) => (finishWork = resolve));
    const failing = store.transaction(async (tx) => {
      await tx.collection('c').upsert({ _id: 'inside' });
      transactionOpen();
      await workMayFinish;
      throw new Error('rolled back');
    });
    await isOpen;
    const outside = store.collection('c').upsert({ _id: 'outside' });
    finishWork();
    await expect(failing).rejects.toThrow('rolled back');
    await outside;
    expect((await store.collection('c').find({})).map((doc) => doc._id)).toEqual(['outside']);
  });

  it('refuses a write through the store from inside a transaction instead of deadlocking', async () => {
    const { store } = opened;
    const attempt = store.transaction(async () => store.collection('c').upsert({ _id: 'a' }));
    await expect(attempt).rejects.toThrow('write through tx.collection()');
  });

  it('refuses a transaction handle used after its transaction ended', async () => {
    const { store } = opened;
    const tx = await store.transaction(async (handle) => handle);
    await expect(tx.collection('c').upsert({ _id: 'late' })).rejects.toThrow('transaction has ended');
  });
});
