import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { normalizeText } from '@dossiers/domain';
import { SqliteEventStore } from '@dossiers/event-store';
import { SqliteReadStore } from '@dossiers/read-store';
import { WalCheckpointer } from './wal-checkpointer';

/**
 * The frames in a database's write-ahead log, as a connection of the test's own sees them (a
 * PASSIVE checkpoint: [busy, frames in the log, frames checkpointed]). Once every frame has been
 * checkpointed, the next commit starts the log afresh: one commit's frames.
 */
function framesInLog(file: string): number {
  const db = new Database(file);
  try {
    return (db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0].log;
  } finally {
    db.close();
  }
}

const metadata = {
  tenant: 't',
  actor: 'a',
  correlationId: 'c',
  causationId: null,
  occurredAt: '2026-01-01T00:00:00.000Z',
};
const event = (id: string, data: Record<string, string>) => ({
  id,
  type: 'T',
  schemaVersion: 1,
  data,
  metadata,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('WalCheckpointer', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wal-checkpointer-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Stores that never checkpoint on their own, a lot written to each, then one more small commit. */
  async function writeThrough(checkpointer: (files: string[]) => WalCheckpointer | null) {
    const files = [join(dir, 'events.db'), join(dir, 'read-models.db')];
    const events = new SqliteEventStore({ filename: files[0], autoCheckpoint: false });
    const reads = new SqliteReadStore({ filename: files[1], normalizeText, autoCheckpoint: false });
    const running = checkpointer(files);
    try {
      const docs = Array.from({ length: 3000 }, (_, i) => ({ _id: `d${i}`, text: 'x'.repeat(500) }));
      await reads.collection('docs').upsertMany(docs);
      for (let i = 0; i < 50; i++)
        await events.append(`s-${i}`, [event(`e${i}`, { text: 'x'.repeat(20_000) })], 'any');
      await sleep(600);
      await reads.collection('docs').upsert({ _id: 'last' });
      await events.append('s-last', [event('last', {})], 'any');
      return files.map(framesInLog);
    } finally {
      await running?.stop();
      await Promise.all([events.close(), reads.close()]);
    }
  }

  it("checkpoints the stores' files off the main thread: their logs start afresh", async () => {
    const frames = await writeThrough((files) => WalCheckpointer.start(files, 50));
    for (const count of frames) expect(count).toBeLessThan(10);
  });

  it('is what keeps those logs short: without it they hold everything written', async () => {
    const frames = await writeThrough(() => null);
    for (const count of frames) expect(count).toBeGreaterThan(50);
  });

  it('keeps the process alive until it has stopped (an unreferenced worker would not)', async () => {
    // A child process whose only work left is stopping the checkpointer: it must get past it.
    const script = `
      const { WalCheckpointer } = require(${JSON.stringify(join(__dirname, 'wal-checkpointer'))});
      const Database = require('better-sqlite3');
      const file = ${JSON.stringify(join(dir, 'alone.db'))};
      const db = new Database(file); db.pragma('journal_mode = WAL'); db.close();
      const checkpointer = WalCheckpointer.start([file], 10);
      setTimeout(() => checkpointer.stop().then(() => console.log('stopped')), 50);
    `;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', '@swc-node/register', '-e', script],
      {
        cwd: join(__dirname, '../../../..'),
      },
    );
    expect(stdout.trim()).toBe('stopped');
  });

  it('starts no thread when there is no file, and stops at once', async () => {
    await expect(WalCheckpointer.start([]).stop()).resolves.toBeUndefined();
  });
});
