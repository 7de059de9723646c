import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeText } from '@dossiers/domain';
import { SqliteReadStore } from '@dossiers/read-store';
import { ProjectionEngine } from '../projection/projection-engine';
import type { SpecEvent } from '../testing/projection-specification';
import {
  ACTIVITIES_COLLECTION,
  ACTIVITY_CAP,
  CLIENT_ACTIVITY_COLLECTION,
  type ActivityDoc,
  type ClientActivityDoc,
} from './activity.document';
import {
  fileDownloaded,
  fileRenamed,
  fileUploaded,
  folderCreated,
  folderMoved,
  on,
  recorded,
} from './testing/activity.fixtures';
import { clientEntriesFilter, keptEntries } from './activity-log';
import { clientActivityProjection } from './client-activity.projection';

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A client busy enough to go past the cap: a tree whose folders move, files uploaded, renamed,
 * moved and downloaded (on their own stream) at random, ACTIVITY_CAP + 500 activities in all.
 */
function aBusyClient(rnd: () => number): SpecEvent[] {
  const events: SpecEvent[] = [
    on({ type: 'ClientCreated', data: { clientId: 'c1', name: 'Acme', groupId: null, attributes: {} } }),
  ];
  for (let d = 1; d <= 10; d++)
    events.push(folderCreated(`d${d}`, d > 3 ? `d${1 + (d % 3)}` : null, `Dossier ${d}`));
  const files: string[] = [];
  while (events.length < ACTIVITY_CAP + 500) {
    const pick = rnd();
    const folder = `d${1 + Math.floor(rnd() * 10)}`;
    const file = files[Math.floor(rnd() * files.length)];
    if (pick < 0.3 || !file) {
      files.push(`f${files.length}`);
      events.push(fileUploaded(files.at(-1)!, folder, `Fichier ${files.length}.pdf`, 'pdf'));
    } else if (pick < 0.4) events.push(fileRenamed(file, `Renommé ${events.length}.xlsx`, 'xlsx'));
    else if (pick < 0.5)
      events.push(on({ type: 'FileMoved', data: { clientId: 'c1', fileId: file, folderId: folder } }));
    else if (pick < 0.55)
      events.push(folderMoved(`d${4 + Math.floor(rnd() * 7)}`, `d${1 + Math.floor(rnd() * 3)}`));
    else events.push(fileDownloaded(file));
  }
  return events;
}

describe('client-activity: the cap, live and rebuilt', () => {
  let dir: string;
  const stores: SqliteReadStore[] = [];
  const openStore = (name: string) => {
    const store = new SqliteReadStore({ filename: join(dir, `${name}.db`), normalizeText });
    stores.push(store);
    return store;
  };
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'activity-cap-'))));
  afterAll(async () => {
    for (const store of stores) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The client's kept entries, newest first, read as the client's route reads them. */
  const kept = async (store: SqliteReadStore) => {
    const doc = await store.collection<ClientActivityDoc>(CLIENT_ACTIVITY_COLLECTION).findById('c1');
    const found = await store.collection<ActivityDoc>(ACTIVITIES_COLLECTION).find(clientEntriesFilter(doc!)!);
    return keptEntries(doc!, found);
  };
  const contents = async (store: SqliteReadStore) => ({
    clients: await store
      .collection<ClientActivityDoc>(CLIENT_ACTIVITY_COLLECTION)
      .find({}, { sort: [['_id', 1]] }),
    log: await store.collection<ActivityDoc>(ACTIVITIES_COLLECTION).find({}, { sort: [['_id', 1]] }),
  });

  it('keeps the last 1000 entries of a client, and every entry in the firm-wide log, alike one event at a time and in random batches', async () => {
    const rnd = random(20260301);
    const events = recorded(aBusyClient(rnd));
    const live = openStore('live');
    const liveEngine = new ProjectionEngine(live, [clientActivityProjection]);
    for (const event of events) await liveEngine.applyBatch([event]);

    const rebuilt = openStore('rebuilt');
    const rebuiltEngine = new ProjectionEngine(rebuilt, [clientActivityProjection]);
    // Small batches and large ones, at least one adding more entries than the cap keeps.
    const sizes: number[] = [];
    for (let at = 0; at < events.length; at += sizes.at(-1)!)
      sizes.push(rnd() < 0.2 ? ACTIVITY_CAP + Math.floor(rnd() * 200) : 1 + Math.floor(rnd() * 100));
    const batches = sizes.map((size, i) =>
      events.slice(sizes.slice(0, i).reduce((a, b) => a + b, 0)).slice(0, size),
    );
    expect(batches.some((batch) => batch.length > ACTIVITY_CAP)).toBe(true);
    for (const batch of batches) await rebuiltEngine.applyBatch(batch);

    const expected = await contents(live);
    expect(await contents(rebuilt)).toEqual(expected);
    // the last 1000 by position, oldest first: the first 500 were evicted
    const lastPositions = events.slice(-ACTIVITY_CAP).map((e) => e.position);
    expect(expected.clients[0].positions.flat()).toEqual(lastPositions);
    const entries = await kept(rebuilt);
    expect(entries.map((e) => [e.id, e.position])).toEqual(
      events
        .slice(-ACTIVITY_CAP)
        .map((e) => [e.id, e.position])
        .reverse(),
    );
    expect(await kept(live)).toEqual(entries);
    // every entry, in log order (the order of their _id)
    expect(expected.log.map((doc) => doc._id.split(':')[1])).toEqual(events.map((e) => e.id));
    expect(expected.log[0]).toEqual({
      _id: '0000000000000001:e00001',
      tenant: 'firm-a',
      clientId: 'c1',
      position: 1,
      occurredAt: '2026-01-01T00:00:00.000Z',
      type: 'client.created',
      actorId: 'user-1',
      details: { name: 'Acme' },
    });
  });

  it('evicts the oldest entry with the 1001st, and only then', async () => {
    const events = recorded([
      on({ type: 'ClientCreated', data: { clientId: 'c1', name: 'Acme', groupId: null, attributes: {} } }),
      folderCreated('d1', null, 'Compta'),
      ...Array.from({ length: ACTIVITY_CAP - 2 }, () => folderMoved('d1', null)),
    ]);
    const store = openStore('edge');
    const engine = new ProjectionEngine(store, [clientActivityProjection]);
    await engine.applyBatch(events);
    const positions = async () => (await kept(store)).map((e) => e.position).reverse();
    expect(await positions()).toHaveLength(ACTIVITY_CAP);
    expect((await positions())[0]).toBe(1);

    const [next] = recorded([
      ...Array.from({ length: ACTIVITY_CAP }, () => folderMoved('d1', null)),
      folderMoved('d1', null),
    ]).slice(-1);
    await engine.applyBatch([next]);
    expect(await positions()).toEqual(Array.from({ length: ACTIVITY_CAP }, (_, i) => i + 2));
    expect(await store.collection(ACTIVITIES_COLLECTION).count({})).toBe(ACTIVITY_CAP + 1);
  });
});
