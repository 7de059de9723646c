import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '@dossiers/domain';
import { SqliteEventStore } from '@dossiers/event-store';
import { readEventPage } from './event-page';

describe('readEventPage', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'event-page-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.db'), synchronous: 'NORMAL' });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A stream of `count` events of `tenant`. */
  async function stream(tenant: string, count: number): Promise<string> {
    const streamId = `test-${randomUUID()}`;
    const events = Array.from({ length: count }, (_, i) => ({
      id: randomUUID(),
      type: 'TestHappened',
      schemaVersion: 1,
      data: { n: i },
      metadata: {
        tenant,
        actor: 'admin-1',
        correlationId: `req-${i}`,
        causationId: null,
        occurredAt: '2026-01-01T00:00:00.000Z',
      },
    }));
    await store.append(streamId, events, 'no_stream');
    return streamId;
  }

  it('pages a stream oldest first, naming the next page until the last', async () => {
    const streamId = await stream('firm-a', 5);
    const first = await readEventPage(store, 'firm-a', 'client-1', streamId, { fromRevision: 0, limit: 2 });
    expect(first.empty).toBe(false);
    expect(first.page.clientId).toBe('client-1');
    expect(first.page.events.map((e) => [e.revision, e.data])).toEqual([
      [0, { n: 0 }],
      [1, { n: 1 }],
    ]);
    expect(first.page.nextRevision).toBe(2);
    const last = await readEventPage(store, 'firm-a', 'client-1', streamId, { fromRevision: 4, limit: 2 });
    expect(last.page.events.map((e) => e.revision)).toEqual([4]);
    expect(last.page.nextRevision).toBeNull();
    const exact = await readEventPage(store, 'firm-a', 'client-1', streamId, { fromRevision: 3, limit: 2 });
    expect(exact.page.nextRevision).toBeNull();
  });

  it("refuses another firm's stream on every page, the first as a later one", async () => {
    const streamId = await stream('firm-b', 3);
    for (const fromRevision of [0, 2, 9]) {
      await expect(
        readEventPage(store, 'firm-a', 'client-1', streamId, { fromRevision, limit: 1 }),
      ).rejects.toThrow(NotFoundError);
    }
  });

  it('says a stream without events is empty', async () => {
    const empty = await readEventPage(store, 'firm-a', 'client-1', `test-${randomUUID()}`, {
      fromRevision: 0,
      limit: 10,
    });
    expect(empty).toEqual({ page: { clientId: 'client-1', events: [], nextRevision: null }, empty: true });
  });
});
