import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Aggregates, EventStreams, FoldedStateCache } from '@dossiers/application';
import { clientDownloadsStreamId, clientStreamId } from '@dossiers/domain';
import { SqliteEventStore } from '@dossiers/event-store';
import { testCommandContext } from '../../../../../libs/application/src/testing/test-command-context';
import { RecordDownloadCommand } from './record-download.command';
import { RecordDownloadHandler } from './record-download.handler';

describe('RecordDownloadHandler', () => {
  let dir: string;
  let store: SqliteEventStore;
  let handler: RecordDownloadHandler;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'record-download-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.db'), synchronous: 'NORMAL' });
    const streams = new EventStreams(store, new FoldedStateCache({ freezeStates: true }));
    handler = new RecordDownloadHandler(new Aggregates(streams));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const record = (clientId: string, range: { start: number; end: number } | null, correlationId = 'req-1') =>
    handler.execute(
      new RecordDownloadCommand(
        clientId,
        'file-1',
        2,
        range,
        testCommandContext({ actor: 'contact-9', role: 'contact', correlationId }),
      ),
    );

  it("appends FileDownloaded to the client's downloads stream, with the request's envelope", async () => {
    const clientId = randomUUID();
    const result = await record(clientId, { start: 100, end: 199 });
    const [event, ...more] = await store.readStream(clientDownloadsStreamId(clientId));
    expect(more).toEqual([]);
    expect(result).toEqual({ revision: 0, position: event.position });
    expect(event).toMatchObject({
      type: 'FileDownloaded',
      data: { clientId, fileId: 'file-1', version: 2, range: { start: 100, end: 199 } },
      metadata: {
        tenant: 'firm-a',
        actor: 'contact-9',
        correlationId: 'req-1',
        causationId: null,
        occurredAt: '2026-11-28T10:00:00.000Z',
      },
    });
    // Never the client's own stream: a download does not move the client's revision.
    expect(await store.readStream(clientStreamId(clientId))).toEqual([]);
  });

  it('records every download, concurrent ones included, in the order the store took them', async () => {
    const clientId = randomUUID();
    await record(clientId, null, 'first');
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => record(clientId, null, id)));
    const events = await store.readStream(clientDownloadsStreamId(clientId));
    expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(events[0].metadata.correlationId).toBe('first');
    expect(new Set(events.map((e) => e.metadata.correlationId))).toEqual(
      new Set(['first', 'a', 'b', 'c', 'd', 'e']),
    );
    expect(events.every((e) => (e.data as { range: unknown }).range === null)).toBe(true);
  });
});
