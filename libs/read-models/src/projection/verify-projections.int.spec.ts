import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { normalizeText } from '@dossiers/domain';
import type { NewEvent } from '@dossiers/events';
import { SqliteEventStore } from '@dossiers/event-store';
import { MongoReadStore, SqliteReadStore, type ReadStore } from '@dossiers/read-store';
import { ALL_PROJECTIONS } from '../all-projections';
import { aClientStory } from '../testing/a-client-story';
import { CLIENTS_COLLECTION } from '../client-list/client-list.document';
import { CLIENT_SHEETS_COLLECTION } from '../client-sheet/client-sheet.document';
import { FOLDER_ACCESS_COLLECTION } from '../client-permissions/folder-access.document';
import { PERMISSION_MODEL_PARTS_COLLECTION } from '../client-permissions/permission-model';
import { CHECKPOINTS_COLLECTION, type CheckpointDoc } from './checkpoint';
import { collectionsOf } from './projection';
import { Projector, rebuildProjections } from './projector';
import { selectProjections, UnknownProjectionError, verifyProjections } from './verify-projections';
import { formatVerifyReport } from './verify-report';

const tenant = 'firm-1';
const envelope = (type: string, data: object): NewEvent => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data: data as never,
  metadata: { tenant, actor: 'u', correlationId: 'c', causationId: null, occurredAt: '2026-01-01T00:00:00Z' },
});

interface Stores {
  live: ReadStore;
  scratch: ReadStore;
  cleanup(): Promise<void>;
}

/** Every collection a verification may write, to empty a MongoDB database (dropping them all drops it). */
const ALL_COLLECTIONS = [
  ...ALL_PROJECTIONS.flatMap((p) => collectionsOf(p).map((c) => c.name)),
  CHECKPOINTS_COLLECTION,
];

const { MONGO_URL } = process.env;

const openSqlite = (dir: string): Stores => {
  const live = new SqliteReadStore({ filename: join(dir, `live-${randomUUID()}.db`), normalizeText });
  const scratch = new SqliteReadStore({ filename: join(dir, `scratch-${randomUUID()}.db`), normalizeText });
  return { live, scratch, cleanup: () => Promise.all([live.close(), scratch.close()]).then(() => {}) };
};

const openMongo = (): Stores => {
  const open = (role: string) =>
    new MongoReadStore({
      url: MONGO_URL!,
      databaseName: `verify_${role}_${randomUUID().slice(0, 8)}`,
      normalizeText,
    });
  const [live, scratch] = [open('live'), open('scratch')];
  const cleanup = async () => {
    for (const store of [live, scratch]) {
      for (const name of ALL_COLLECTIONS) await store.drop(name);
      await store.close();
    }
  };
  return { live, scratch, cleanup };
};

// MongoDB only with a server: skipped otherwise (test/report-optional-suites.js says how to run it).
describe('verifyProjections (SQLite)', () => verificationSuite(openSqlite));
(MONGO_URL ? describe : describe.skip)('verifyProjections (MongoDB, needs MONGO_URL)', () =>
  verificationSuite(openMongo),
);

function verificationSuite(openStores: (dir: string) => Stores) {
  let dir: string;
  let events: SqliteEventStore;
  let head: number;
  const clients = ['c-1', 'c-2', 'c-3'];
  let stores: Stores;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'verify-projections-'));
    events = new SqliteEventStore({ filename: join(dir, 'events.db'), synchronous: 'NORMAL' });
    for (const clientId of clients) {
      const story = aClientStory(clientId).map((e) => envelope(e.type, e.data));
      await events.append(`client-${clientId}`, story, 'no_stream');
    }
    await events.append('client-c-3', [envelope('ClientRenamed', { clientId: 'c-3', name: 'Renamed' })], 9);
    head = await events.headPosition();
  });
  afterAll(async () => {
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // A fresh live store per test, built as the projector builds it (documents and checkpoints).
  beforeEach(async () => {
    stores = openStores(dir);
    await rebuildProjections(events, stores.live, ALL_PROJECTIONS);
  });
  afterEach(() => stores.cleanup());

  const verify = (projections = ALL_PROJECTIONS, recheckDelayMs = 0) =>
    verifyProjections({
      eventStore: events,
      live: stores.live,
      scratch: stores.scratch,
      projections,
      recheckDelayMs,
    });

  it('finds a live store equal to its rebuild, every collection compared, at the live position', async () => {
    const progress: string[] = [];
    const report = await verifyProjections({
      ...{ eventStore: events, live: stores.live, scratch: stores.scratch, projections: ALL_PROJECTIONS },
      batchSize: 7,
      onProgress: ({ phase, done, total }) => progress.push(`${phase} ${done}/${total}`),
    });
    expect(report.equal).toBe(true);
    expect(report.events).toBe(head);
    expect(report.positions.every((p) => p.position === head && p.recheckedAt === undefined)).toBe(true);
    expect(report.collections.map((c) => c.collection)).toEqual(
      ALL_PROJECTIONS.flatMap((p) => collectionsOf(p).map((c) => c.name)),
    );
    const clientRows = report.collections.find((c) => c.collection === CLIENTS_COLLECTION)!;
    expect(clientRows).toMatchObject({ compared: 3, missing: 0, extra: 0, different: 0 });
    expect(report.collections.find((c) => c.collection === FOLDER_ACCESS_COLLECTION)!.compared).toBe(6);
    expect(progress).toContain(`rebuild ${head}/${head}`);
    expect(progress.some((line) => line.startsWith('compare '))).toBe(true);
    expect(formatVerifyReport(report)).toMatch(new RegExp(`position ${head} .*\\n[\\s\\S]*OK: `));
  });

  it('compares the parts of a document stored in parts: one changed by hand is a difference', async () => {
    const parts = stores.live.collection(PERMISSION_MODEL_PARTS_COLLECTION);
    const [part] = await parts.find({}, { sort: [['_id', 1]], limit: 1 });
    await parts.upsert({ ...part, value: {} });

    const report = await verify();
    expect(report.equal).toBe(false);
    expect(report.collections.find((c) => c.collection === PERMISSION_MODEL_PARTS_COLLECTION)).toMatchObject({
      compared: 6,
      different: 1,
    });
    expect(report.differences.map((d) => [d.collection, d.id])).toEqual([
      [PERMISSION_MODEL_PARTS_COLLECTION, part._id],
    ]);
  });

  it('reports a field changed, a document deleted and one added by hand, naming the first', async () => {
    await stores.live.collection(CLIENTS_COLLECTION).update('c-2', { name: 'Changed by hand' });
    await stores.live.collection(CLIENT_SHEETS_COLLECTION).delete('c-1');
    const [folder] = await stores.live.collection(FOLDER_ACCESS_COLLECTION).find({}, { limit: 1 });
    await stores.live.collection(FOLDER_ACCESS_COLLECTION).upsert({ ...folder, _id: 'zz-extra' });

    const report = await verify();
    expect(report.equal).toBe(false);
    const row = (collection: string) => report.collections.find((c) => c.collection === collection)!;
    expect(row(CLIENTS_COLLECTION)).toMatchObject({ compared: 3, missing: 0, extra: 0, different: 1 });
    expect(row(CLIENT_SHEETS_COLLECTION)).toMatchObject({ compared: 3, missing: 1, extra: 0, different: 0 });
    expect(row(FOLDER_ACCESS_COLLECTION)).toMatchObject({ compared: 7, missing: 0, extra: 1, different: 0 });
    expect(report.differences).toEqual([
      expect.objectContaining({ collection: CLIENTS_COLLECTION, id: 'c-2', kind: 'different', path: 'name' }),
      expect.objectContaining({ collection: CLIENT_SHEETS_COLLECTION, id: 'c-1', kind: 'missing' }),
      expect.objectContaining({ collection: FOLDER_ACCESS_COLLECTION, id: 'zz-extra', kind: 'extra' }),
    ]);
    expect(report.differences[0]).toMatchObject({ rebuilt: 'Acme', live: 'Changed by hand' });
    const text = formatVerifyReport(report);
    expect(text).toContain('clients "c-2": name is "Changed by hand" live, "Acme" rebuilt');
    expect(text).toContain('client_sheets "c-1": missing from the live store');
    expect(text).toContain(`${FOLDER_ACCESS_COLLECTION} "zz-extra": extra in the live store`);
    expect(text).toContain('FAILED: 3 document(s) differ');

    // Beyond the recheck limit, differences are counted as the first pass found them.
    const counted = await verifyProjections({
      ...{ eventStore: events, live: stores.live, projections: ALL_PROJECTIONS, recheckLimit: 0 },
      scratch: stores.scratch,
    });
    expect([counted.equal, counted.unchecked, counted.differences]).toEqual([false, 3, []]);
    expect(counted.collections).toEqual(report.collections);
    expect(formatVerifyReport(counted)).toContain('3 of them beyond the recheck limit');
  });

  it('checks only the projections named', async () => {
    await stores.live.collection(CLIENT_SHEETS_COLLECTION).delete('c-1');
    const clientList = selectProjections(['client-list']);
    const report = await verify(clientList);
    expect(report.equal).toBe(true);
    expect(report.collections.map((c) => c.collection)).toEqual([CLIENTS_COLLECTION]);
    expect((await verify(selectProjections(['client-list', 'client-sheet']))).equal).toBe(false);
  });

  it('tells a change the live projector made meanwhile from a real difference', async () => {
    // The live checkpoints read at an earlier position than the documents then read: as when the
    // projector commits a batch between the two reads.
    const checkpoints = stores.live.collection<CheckpointDoc>(CHECKPOINTS_COLLECTION);
    const committed = await checkpoints.find({});
    const earlier = head - 1; // before c-3 was renamed
    await checkpoints.upsertMany(committed.map((c) => ({ ...c, position: earlier, prepare: earlier })));

    // Not moving: what differs from the rebuild at the checkpoint is reported.
    const stale = await verify();
    expect(stale.differences).toContainEqual(
      expect.objectContaining({ collection: CLIENTS_COLLECTION, id: 'c-3', path: 'name', live: 'Renamed' }),
    );

    // Moving: by the time the differing documents are read again, the checkpoint has caught up.
    const fresh = openStores(dir);
    const moving = await verifyProjections({
      ...{ eventStore: events, live: stores.live, projections: ALL_PROJECTIONS, recheckDelayMs: 50 },
      scratch: fresh.scratch,
      onProgress: ({ phase }) => void (phase === 'compare' && checkpoints.upsertMany(committed)),
    });
    await fresh.cleanup();

    // Moved back: a rebuild started meanwhile, nothing can be concluded.
    const rebuilding = openStores(dir);
    await checkpoints.upsertMany(committed.map((c) => ({ ...c, position: earlier, prepare: earlier })));
    const back = committed.map((c) => ({ ...c, position: 1, prepare: 1 }));
    await expect(
      verifyProjections({
        ...{ eventStore: events, live: stores.live, projections: ALL_PROJECTIONS, recheckDelayMs: 50 },
        scratch: rebuilding.scratch,
        onProgress: ({ phase }) => void (phase === 'compare' && checkpoints.upsertMany(back)),
      }),
    ).rejects.toThrow(
      `The live checkpoint of client-list moved back (from ${earlier} to 1): a rebuild is running`,
    );
    await rebuilding.cleanup();
    expect(moving.equal).toBe(true);
    expect(moving.positions[0]).toEqual({ projection: 'client-list', position: earlier, recheckedAt: head });
    expect(formatVerifyReport(moving)).toContain(`compared again at client-list ${head}`);
  });

  it('finds a live store equal while its projector follows new events (the log moves on here)', async () => {
    // A projector of its own, polling often, commits the events appended as the rebuild begins; the
    // rebuild's batches are slowed down to leave it the time to.
    const following = new SqliteEventStore({ filename: join(dir, 'events.db'), pollIntervalMs: 1 });
    const projector = new Projector(following, stores.live, ALL_PROJECTIONS, { batchSize: 2 });
    await projector.start();
    const renames = Array.from({ length: 6 }, (_, i) =>
      envelope('ClientRenamed', { clientId: 'c-3', name: `N${i}` }),
    );
    let appended: Promise<unknown> | undefined;
    const report = await verifyProjections({
      ...{ eventStore: events, live: stores.live, projections: ALL_PROJECTIONS },
      scratch: slowed(stores.scratch, 5),
      batchSize: 1,
      recheckDelayMs: 100,
      onProgress: () => void (appended ??= events.append('client-c-3', renames, 10)),
    });
    await appended;
    await projector.stop();
    await following.close();
    expect(formatVerifyReport(report)).toContain('OK: ');
    // Verified where the live store stood, the c-3 documents found different compared again later.
    expect(report.positions[0]).toEqual({ projection: 'client-list', position: head, recheckedAt: head + 6 });
  });
}

/** Each transaction waits `ms` first. */
function slowed(store: ReadStore, ms: number): ReadStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'transaction')
        return async (work: Parameters<ReadStore['transaction']>[0]) => {
          await new Promise((resolve) => setTimeout(resolve, ms));
          return target.transaction(work);
        };
      const value: unknown = Reflect.get(target, property);
      // maxWritesPerTransaction is a value, not a method.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('selectProjections', () => {
  it('keeps the projector order, and names the known projections for an unknown one', () => {
    expect(selectProjections([]).length).toBe(ALL_PROJECTIONS.length);
    expect(selectProjections(['client-sheet', 'client-list']).map((p) => p.name)).toEqual([
      'client-list',
      'client-sheet',
    ]);
    expect(() => selectProjections(['client-list', 'nope'])).toThrow(UnknownProjectionError);
    expect(() => selectProjections(['nope'])).toThrow(
      `Unknown projection(s): nope. Known: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`,
    );
  });
});
