import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { readStoreContract } from '../read-store.contract';
import type { ReadStoreLogger, TextNormalizer } from '../read-store.port';
import { PAGE_SIZE } from './sqlite-connection';
import { orderByClause, whereClause } from './sqlite-filter';
import { SqliteReadStore } from './sqlite-read-store';

/** No search in these tests but the contract's, which brings its own text key. */
const unchanged: TextNormalizer = (text) => text;

function openStore(normalizeText = unchanged, logger?: ReadStoreLogger, stalledTransactionMs?: number) {
  const dir = mkdtempSync(join(tmpdir(), 'read-store-'));
  const filename = join(dir, 'read.db');
  const store = new SqliteReadStore({ filename, normalizeText, logger, stalledTransactionMs });
  return {
    store,
    filename,
    cleanup: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })),
  };
}

readStoreContract('SQLite', async (normalizeText, logger) => openStore(normalizeText, logger));

describe('SQLite read store', () => {
  let opened: ReturnType<typeof openStore>;
  beforeEach(() => (opened = openStore()));
  afterEach(() => opened.cleanup());

  it('reads an indexed, sorted first page through the index', async () => {
    const { store, filename } = opened;
    await store.ensureIndexes('clients', [
      {
        name: 'tenant_name',
        fields: [
          ['tenant', 1],
          ['nameSort', 1],
        ],
      },
    ]);
    await store.collection('clients').upsert({ _id: 'a', tenant: 't', nameSort: 'a' });
    // Built by the same translation as find({ tenant: 't' }, { sort: [['nameSort', 1]], limit: 20 }).
    const where = whereClause({ tenant: 't' }, unchanged);
    const sql = `SELECT doc FROM "clients" ${where.sql} ${orderByClause([['nameSort', 1]])} LIMIT 20`;
    const db = new Database(filename, { readonly: true });
    const steps = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...where.params) as { detail: string }[];
    const plan = steps.map((step) => step.detail).join('\n');
    db.close();
    expect(plan).toContain('USING INDEX clients__tenant_name');
    expect(plan).not.toContain('TEMP B-TREE'); // no sort step: the index order is the page order
  });

  it('creates its file with 16 KB pages, and opens one made with another size as it is', async () => {
    const { store, filename } = opened;
    await store.collection('clients').upsert({ _id: 'a' });
    const pageSize = (file: string) => {
      const db = new Database(file, { readonly: true });
      const size = db.pragma('page_size', { simple: true });
      db.close();
      return size;
    };
    expect(pageSize(filename)).toBe(PAGE_SIZE);

    const older = join(dirname(filename), 'older.db');
    const db = new Database(older);
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE "clients" (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
    db.close();
    const reopened = new SqliteReadStore({ filename: older, normalizeText: unchanged });
    await reopened.collection('clients').upsert({ _id: 'b', n: 1 });
    expect(await reopened.collection('clients').findById('b')).toEqual({ _id: 'b', n: 1 });
    await reopened.close();
    expect(pageSize(older)).toBe(4096);
  });

  it('upserts in multi-row statements and a remainder, whatever the count', async () => {
    const docs = opened.store.collection('docs');
    for (const count of [1, 99, 100, 200, 201]) {
      await docs.upsertMany(Array.from({ length: count }, (_, i) => ({ _id: `d${i}`, n: count })));
      expect(await docs.count({ n: count })).toBe(count);
      expect(await docs.findById(`d${count - 1}`)).toEqual({ _id: `d${count - 1}`, n: count });
    }
    expect(await docs.count({})).toBe(201);
  });

  it('answers queries and takes writes while a stream is open, inside a transaction too', async () => {
    const clients = opened.store.collection('clients');
    await Promise.all(Array.from({ length: 1200 }, (_, i) => clients.upsert({ _id: `c${i}`, n: i })));
    for await (const doc of clients.stream({}, { sort: [['n', 1]] })) {
      await clients.update(doc._id, { seen: (await clients.findById(doc._id))?.n });
    }
    await opened.store.transaction(async (tx) => {
      const inside = tx.collection('clients');
      for await (const doc of inside.stream({ seen: { $gte: 0 } }))
        await inside.update(doc._id, { again: true });
    });
    expect(await clients.count({ again: true })).toBe(1200);
  });

  it('releases the connection of a stream left early, and ends one still open at close', async () => {
    const clients = opened.store.collection('clients');
    await Promise.all(Array.from({ length: 3 }, (_, i) => clients.upsert({ _id: `c${i}` })));
    for await (const doc of clients.stream({})) {
      expect(doc._id).toBe('c0');
      break;
    }
    const pending = clients.stream({})[Symbol.asyncIterator]();
    await pending.next();
    await opened.store.close();
    expect(await pending.next()).toEqual({ done: true, value: undefined });
  });

  it('rejects field and collection names that are not identifiers', async () => {
    const clients = opened.store.collection('clients');
    await expect(clients.find({ "a') OR 1=1 --": 'x' })).rejects.toThrow('Invalid field name');
    await expect(clients.find({}, { sort: [['a b', 1]] })).rejects.toThrow('Invalid field name');
    await expect(clients.update('a', { 'x"': 1 })).rejects.toThrow('Invalid field name');
    const badIndex = opened.store.ensureIndexes('clients', [{ name: 'i', fields: [['$where', 1]] }]);
    await expect(badIndex).rejects.toThrow('Invalid field name');
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

  it('reports a transaction left open with a write of the store waiting behind it (one made from inside it)', async () => {
    const warnings: string[] = [];
    const stalling = openStore(unchanged, { warn: (message) => warnings.push(message) }, 50);
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    try {
      // Open longer than the bound, nothing waiting: not reported.
      await stalling.store.transaction(() => sleep(150));
      expect(warnings).toEqual([]);
      let inner!: Promise<void>;
      await stalling.store.transaction(async () => {
        inner = stalling.store.collection('c').upsert({ _id: 'a' });
        // (awaiting `inner` here would wait forever: the case the warning names)
        await sleep(150);
      });
      await inner;
      expect(warnings).toEqual([expect.stringContaining('write through tx.collection()')]);
    } finally {
      await stalling.cleanup();
    }
  });

  it('refuses a transaction handle used after its transaction ended', async () => {
    const { store } = opened;
    const tx = await store.transaction(async (handle) => handle);
    await expect(tx.collection('c').upsert({ _id: 'late' })).rejects.toThrow('transaction has ended');
  });
});
