import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { normalizeText } from '@dossiers/domain';
import type { NewEvent } from '@dossiers/events';
import { SqliteEventStore } from '@dossiers/event-store';
import { SqliteReadStore } from '@dossiers/read-store';
import { ALL_PROJECTIONS, rebuildProjections } from '@dossiers/read-models';
import { TEST_SECRET } from './support/standalone-app';

const CLIENTS = 6000;

function event(type: string, data: object): NewEvent {
  const metadata = {
    tenant: 'firm',
    actor: 'seed',
    correlationId: randomUUID(),
    causationId: null,
    occurredAt: '2026-11-28T10:00:00.000Z',
  };
  return { id: randomUUID(), type, schemaVersion: 1, data: data as never, metadata };
}

/** The projector app itself, in its own process, as `npm run start:projector` runs it. */
function startProjector(dataDir: string): ChildProcess {
  return spawn(process.execPath, ['-r', '@swc-node/register', 'apps/projector/src/main.ts'], {
    cwd: join(__dirname, '..'),
    env: {
      ...process.env,
      // The test seeds and reads SQLite files: engine URLs set for the contract suites (CI) must not
      // send the projector elsewhere; an empty value counts as unset.
      EVENTSTORE_URL: '',
      MONGO_URL: '',
      REDIS_URL: '',
      DATA_DIR: dataDir,
      AUTH_SECRET: TEST_SECRET,
      LOG_LEVEL: 'error',
      SQLITE_SYNCHRONOUS: 'NORMAL',
      PROJECTOR_BATCH_SIZE: '50',
    },
    stdio: 'ignore',
  });
}

/** The checkpoints the projector has committed, read as any other process would. */
function committedPositions(dataDir: string): number[] {
  try {
    const db = new Database(join(dataDir, 'read-models.db'), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT doc FROM projection_checkpoints').all() as { doc: string }[]).map(
        (row) => JSON.parse(row.doc).position,
      );
    } finally {
      db.close();
    }
  } catch {
    return [];
  }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const exited = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve));

describe('projector process killed mid-batch (SIGKILL)', () => {
  let dataDir: string;
  let head: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'projector-crash-'));
    const store = new SqliteEventStore({ filename: join(dataDir, 'events.db'), synchronous: 'NORMAL' });
    const appends: Promise<unknown>[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const clientId = randomUUID();
      appends.push(
        store.append(
          `client-${clientId}`,
          [
            event('ClientCreated', { clientId, name: `Client ${i}`, groupId: null, attributes: { rank: i } }),
            event('ClientRenamed', { clientId, name: `Clïent n°${i}` }),
            ...(i % 5 === 0 ? [event('ClientDeleted', { clientId })] : []),
          ],
          'no_stream',
        ),
      );
    }
    await Promise.all(appends);
    head = await store.headPosition();
    await store.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('restarts from its checkpoint and ends equal to a clean rebuild', async () => {
    const first = startProjector(dataDir);
    // Killed as soon as it has committed some batches: it is then almost surely inside another.
    await until(() => committedPositions(dataDir).some((p) => p > head / 10), 60_000);
    first.kill('SIGKILL');
    await exited(first);
    const atCrash = Math.min(...committedPositions(dataDir));
    expect(atCrash).toBeLessThan(head);

    const second = startProjector(dataDir);
    await until(() => {
      const positions = committedPositions(dataDir);
      return positions.length === ALL_PROJECTIONS.length && Math.min(...positions) === head;
    }, 60_000);
    second.kill('SIGTERM');
    await exited(second);

    const live = new SqliteReadStore({ filename: join(dataDir, 'read-models.db'), normalizeText });
    const rebuilt = new SqliteReadStore({ filename: join(dataDir, 'rebuilt.db'), normalizeText });
    const events = new SqliteEventStore({ filename: join(dataDir, 'events.db') });
    await rebuildProjections(events, rebuilt, ALL_PROJECTIONS);
    for (const projection of ALL_PROJECTIONS) {
      const [afterRestart, fromScratch] = await Promise.all(
        [live, rebuilt].map((store) =>
          store.collection(projection.collection).find({}, { sort: [['_id', 1]] }),
        ),
      );
      expect(afterRestart).toEqual(fromScratch);
    }
    expect(await live.collection('clients').count({ tenant: 'firm' })).toBe(CLIENTS - CLIENTS / 5);
    await Promise.all([live.close(), rebuilt.close(), events.close()]);
  }, 120_000);
});
