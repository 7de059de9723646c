import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { normalizeText } from '@dossiers/domain';
import type { NewEvent } from '@dossiers/events';
import { SqliteEventStore } from '@dossiers/event-store';
import {
  SqliteReadStore,
  type Document,
  type ReadStore,
  type ReadStoreTransaction,
} from '@dossiers/read-store';
import { ALL_PROJECTIONS } from '../all-projections';
import { ProjectionProgress } from './projection-progress';
import { Projector, rebuildProjections } from './projector';

const tenant = 'firm-1';
const envelope = (type: string, data: object, i: number): NewEvent => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data: data as never,
  metadata: {
    tenant,
    actor: 'u',
    correlationId: `c${i}`,
    causationId: null,
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
  },
});

/**
 * A read store that dies as it writes its `crashAt`-th document, inside a transaction: the
 * documents before it in the same call (an `upsertMany`) are written, the rest are not.
 */
function crashingOnWrite(store: ReadStore, crashAt: number): ReadStore {
  let written = 0;
  const wrapTx = (tx: ReadStoreTransaction): ReadStoreTransaction => ({
    collection: <T extends Document>(name: string) => {
      const collection = tx.collection<T>(name);
      return new Proxy(collection, {
        get(target, property) {
          if (property === 'upsert') return (doc: T) => target.upsertMany([doc]);
          if (property === 'upsertMany')
            return async (docs: T[]) => {
              const before = crashAt - 1 - written;
              written += docs.length;
              if (written < crashAt) return target.upsertMany(docs);
              await target.upsertMany(docs.slice(0, before));
              throw new Error('simulated crash');
            };
          return Reflect.get(target, property).bind(target);
        },
      });
    },
  });
  return new Proxy(store, {
    get(target, property) {
      if (property === 'transaction')
        return (work: (tx: ReadStoreTransaction) => Promise<unknown>) =>
          target.transaction((tx) => work(wrapTx(tx)));
      const value: unknown = Reflect.get(target, property);
      // maxWritesPerTransaction is a value, not a method.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function snapshot(store: ReadStore) {
  const result: Record<string, unknown[]> = {};
  for (const projection of ALL_PROJECTIONS) {
    result[projection.collection] = await store
      .collection(projection.collection)
      .find({}, { sort: [['_id', 1]] });
  }
  return result;
}

describe('Projector', () => {
  let dir: string;
  let events: SqliteEventStore;
  let head: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'projector-'));
    events = new SqliteEventStore({ filename: join(dir, 'events.db'), synchronous: 'NORMAL' });
    let i = 0;
    const groupId = randomUUID();
    await events.append(
      `group-${groupId}`,
      [envelope('GroupCreated', { groupId, name: 'G' }, i++)],
      'no_stream',
    );
    for (let c = 0; c < 200; c++) {
      const clientId = randomUUID();
      const stream = `client-${clientId}`;
      await events.append(
        stream,
        [
          envelope(
            'ClientCreated',
            { clientId, name: `Client ${c}`, groupId: c % 2 ? groupId : null, attributes: { n: c } },
            i++,
          ),
        ],
        'no_stream',
      );
      await events.append(
        stream,
        [envelope('ClientRenamed', { clientId, name: `Clïent ${c} renamed` }, i++)],
        0,
      );
      await events.append(
        stream,
        [envelope('ClientAttributesChanged', { clientId, set: { m: c }, removed: ['n'] }, i++)],
        1,
      );
      if (c % 7 === 0) await events.append(stream, [envelope('ClientDeleted', { clientId }, i++)], 2);
    }
    head = await events.headPosition();
  });
  afterAll(async () => {
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('after a crash in the middle of a batch and a restart, equals a clean rebuild', async () => {
    const live = new SqliteReadStore({ filename: join(dir, `live-${randomUUID()}.db`), normalizeText });
    const crashed = new Promise<unknown>((resolve) => {
      const doomed = new Projector(events, crashingOnWrite(live, 500), ALL_PROJECTIONS, {
        batchSize: 100,
        onError: resolve,
      });
      void doomed.start();
    });
    expect(String(await crashed)).toMatch(/simulated crash/);
    const progress = new ProjectionProgress(live, ALL_PROJECTIONS);
    const reachedBeforeRestart = await progress.position();
    expect(reachedBeforeRestart).toBeGreaterThan(0);
    expect(reachedBeforeRestart).toBeLessThan(head);

    const restarted = new Projector(events, live, ALL_PROJECTIONS, { batchSize: 100 });
    await restarted.start();
    expect(await progress.waitFor(head, 10_000)).toBe(true);
    await restarted.stop();

    const rebuilt = new SqliteReadStore({ filename: join(dir, `rebuilt-${randomUUID()}.db`), normalizeText });
    const { events: replayed } = await rebuildProjections(events, rebuilt, ALL_PROJECTIONS);
    expect(replayed).toBeGreaterThanOrEqual(200 * 3);

    const [afterRestart, fromScratch] = [await snapshot(live), await snapshot(rebuilt)];
    expect(afterRestart.clients).toHaveLength(200 - Math.ceil(200 / 7));
    expect(afterRestart).toEqual(fromScratch);
    await Promise.all([live.close(), rebuilt.close()]);
  });

  it('ignores a batch it has already applied (checkpoint checked inside the transaction)', async () => {
    const store = new SqliteReadStore({ filename: join(dir, `twice-${randomUUID()}.db`), normalizeText });
    const projector = new Projector(events, store, ALL_PROJECTIONS);
    await projector.engine.ensureIndexes();
    const all = await events.readAll({ maxCount: 10_000 });
    await projector.engine.applyBatch(all);
    const once = await snapshot(store);
    await projector.engine.applyBatch(all.slice(0, 50));
    await projector.engine.applyBatch(all);
    expect(await snapshot(store)).toEqual(once);
    await store.close();
  });

  it('rebuilds a read model beside its live data, reporting progress up to the head', async () => {
    const store = new SqliteReadStore({ filename: join(dir, `progress-${randomUUID()}.db`), normalizeText });
    const seen: number[] = [];
    await rebuildProjections(events, store, ALL_PROJECTIONS, (position) => seen.push(position), 250);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[seen.length - 1]).toBe(head);
    const again = await rebuildProjections(
      events,
      store,
      ALL_PROJECTIONS.filter((p) => p.name === 'client-list'),
    );
    expect(again.head).toBe(head);
    expect(await store.collection('clients').count({ tenant })).toBe(200 - Math.ceil(200 / 7));
    await store.close();
  });
});
