import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '@dossiers/events';
import { SqliteEventStore } from '@dossiers/event-store';
import { SqliteReadStore } from '@dossiers/read-store';
import { CHECKPOINTS_COLLECTION } from '@dossiers/read-models';
import { ProjectionLag } from './projection-lag';

function event(): NewEvent {
  const metadata = {
    tenant: 'firm',
    actor: 'test',
    correlationId: randomUUID(),
    causationId: null,
    occurredAt: '2026-01-01T00:00:00.000Z',
  };
  return { id: randomUUID(), type: 'Probed', schemaVersion: 1, data: {}, metadata };
}

describe('ProjectionLag', () => {
  let eventStore: SqliteEventStore;
  let readStore: SqliteReadStore;
  let dir: string;
  let recordedAt = Date.parse('2026-06-01T12:00:00.000Z');
  const now = { value: new Date(recordedAt) };

  beforeEach(() => {
    recordedAt = Date.parse('2026-06-01T12:00:00.000Z');
    dir = mkdtempSync(join(tmpdir(), 'projection-lag-'));
    eventStore = new SqliteEventStore({ filename: join(dir, 'events.db'), clock: () => recordedAt });
    readStore = new SqliteReadStore({ filename: join(dir, 'read-models.db'), normalizeText: (text) => text });
  });
  afterEach(async () => {
    await eventStore.close();
    await readStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const lag = (countUpTo = 100) =>
    new ProjectionLag(
      eventStore,
      readStore,
      ['ahead', 'behind', 'never'],
      { now: () => now.value },
      countUpTo,
    );
  const appendAt = async (instant: string, count: number) => {
    recordedAt = Date.parse(instant);
    for (let i = 0; i < count; i++) await eventStore.append(`probe-${randomUUID()}`, [event()], 'no_stream');
  };

  it('tells each projection its position, the events after it and the age of the oldest of them', async () => {
    await appendAt('2026-06-01T12:00:00.000Z', 2);
    await appendAt('2026-06-01T12:00:10.000Z', 3);
    await readStore.collection(CHECKPOINTS_COLLECTION).upsertMany([
      { _id: 'ahead', position: 5, prepare: 5 },
      { _id: 'behind', position: 2, prepare: 2 },
    ]);
    now.value = new Date('2026-06-01T12:00:30.000Z');

    expect(await lag().measure()).toEqual({
      head: 5,
      countedUpTo: 100,
      projections: [
        { projection: 'ahead', position: 5, eventsBehind: 0, secondsBehind: 0 },
        { projection: 'behind', position: 2, eventsBehind: 3, secondsBehind: 20 },
        { projection: 'never', position: 0, eventsBehind: 5, secondsBehind: 30 },
      ],
    });
  });

  it('counts up to its cap only', async () => {
    await appendAt('2026-06-01T12:00:00.000Z', 5);
    const report = await lag(3).measure();
    expect(report.projections.map((p) => p.eventsBehind)).toEqual([3, 3, 3]);
  });

  it('sees nothing behind in an empty store', async () => {
    const report = await lag().measure();
    expect(report.head).toBe(0);
    expect(report.projections.every((p) => p.eventsBehind === 0 && p.secondsBehind === 0)).toBe(true);
  });
});
