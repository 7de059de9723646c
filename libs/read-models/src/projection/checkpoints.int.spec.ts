import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeText } from '@dossiers/domain';
import type { RecordedEvent } from '@dossiers/events';
import { SqliteReadStore } from '@dossiers/read-store';
import { isAfter } from '@dossiers/event-store';
import { clientCountProjection } from '../client-count/client-count.projection';
import { CHECKPOINTS_COLLECTION } from './checkpoint';
import { ProjectionEngine } from './projection-engine';
import { ProjectionProgress } from './projection-progress';

/**
 * On EventStoreDB the events of one multi-event append share a commit position and differ by their
 * prepare position (isAfter compares prepare on a tie). A subscription batch can
 * end in the middle of such an append; the engine must then still apply the rest in the next batch.
 */
const created = (clientId: string, position: number, prepare: number): RecordedEvent =>
  ({
    id: `e-${clientId}`,
    type: 'ClientCreated',
    schemaVersion: 1,
    data: { clientId, name: clientId, groupId: null, attributes: {} },
    metadata: {
      tenant: 't',
      actor: 'a',
      correlationId: 'c',
      causationId: null,
      occurredAt: '2026-01-01T00:00:00Z',
    },
    streamId: `client-${clientId}`,
    revision: 0,
    position,
    prepare,
    recordedAt: '2026-01-01T00:00:00Z',
  }) as RecordedEvent;

describe('checkpoints', () => {
  let dir: string;
  let store: SqliteReadStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'checkpoints-'));
    store = new SqliteReadStore({ filename: join(dir, 'r.db'), normalizeText });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies the second event of an append split across two batches', async () => {
    const first = created('a', 1000, 900);
    const second = created('b', 1000, 950); // same commit, later prepare: strictly after `first`
    expect(isAfter(second, { position: first.position, prepare: first.prepare })).toBe(true);

    const engine = new ProjectionEngine(store, [clientCountProjection]);
    await engine.applyBatch([first]);
    await engine.applyBatch([second]);

    expect(await store.collection('client_counts').findById('t')).toMatchObject({ clients: 2 });
  });

  it('reports only the position the checkpoints hold now: a rebuild moves them back', async () => {
    const checkpoints = store.collection(CHECKPOINTS_COLLECTION);
    await checkpoints.upsert({ _id: clientCountProjection.name, position: 50 });
    const progress = new ProjectionProgress(store, [clientCountProjection], 1);
    expect(await progress.waitFor(50, 50)).toBe(true);

    // `npm run rebuild` (another process) empties the read model and its checkpoint, then replays.
    await checkpoints.delete(clientCountProjection.name);
    await store.collection(clientCountProjection.collection).deleteMany({});

    // The read models do not include position 50 any more: a read-your-writes wait must not pass.
    expect(await progress.waitFor(50, 50)).toBe(false);
  });
});
