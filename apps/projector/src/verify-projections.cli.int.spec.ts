import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { normalizeText } from '@dossiers/domain';
import { SqliteEventStore } from '@dossiers/event-store';
import { SqliteReadStore } from '@dossiers/read-store';
import { ALL_PROJECTIONS, CLIENTS_COLLECTION, rebuildProjections } from '@dossiers/read-models';

const run = promisify(execFile);

/** `npm run verify-projections`, as its process: exit codes, the summary, and no scratch left behind. */
describe('verify-projections CLI', () => {
  let dataDir: string;
  let scratchParent: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'verify-cli-'));
    scratchParent = join(dataDir, 'tmp');
    mkdirSync(scratchParent);
    const events = new SqliteEventStore({ filename: join(dataDir, 'events.db'), synchronous: 'NORMAL' });
    const metadata = {
      tenant: 'firm',
      actor: 'u',
      correlationId: 'c',
      causationId: null,
      occurredAt: '2026-01-01T00:00:00Z',
    };
    for (const clientId of ['c-1', 'c-2']) {
      const data = { clientId, name: `Client ${clientId}`, groupId: null, attributes: {} };
      await events.append(
        `client-${clientId}`,
        [{ id: randomUUID(), type: 'ClientCreated', schemaVersion: 1, data, metadata }],
        'no_stream',
      );
    }
    const live = new SqliteReadStore({ filename: join(dataDir, 'read-models.db'), normalizeText });
    await rebuildProjections(events, live, ALL_PROJECTIONS);
    await Promise.all([events.close(), live.close()]);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const cli = (args: string[]) =>
    run(
      process.execPath,
      ['-r', '@swc-node/register', 'apps/projector/src/verify-projections.cli.ts', ...args],
      {
        env: { PATH: process.env.PATH, DATA_DIR: dataDir, TMPDIR: scratchParent },
        cwd: join(__dirname, '../../..'),
      },
    ).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('exits 2 naming the known projections for an unknown one', async () => {
    const res = await cli(['client-list', 'nope']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Unknown projection(s): nope. Known: client-list, client-count');
  });

  it('exits 0 on equal read models and 1 naming the document changed by hand, scratch removed', async () => {
    const equal = await cli([]);
    expect([equal.code, equal.stdout]).toEqual([0, expect.stringContaining('OK: every compared document')]);
    expect(equal.stderr).toMatch(/compare \(documents\): \d+\/\d+ \(100%\)/);

    const live = new SqliteReadStore({ filename: join(dataDir, 'read-models.db'), normalizeText });
    await live.collection(CLIENTS_COLLECTION).update('c-2', { name: 'Changed by hand' });
    await live.close();
    const changed = await cli(['client-count', 'client-list']);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('clients "c-2": name is "Changed by hand" live, "Client c-2" rebuilt');
    expect(changed.stdout).toContain('FAILED: 1 document(s) differ');
    expect((await cli(['client-count'])).code).toBe(0);
    // (swc-node keeps its cache there too)
    expect(readdirSync(scratchParent).filter((name) => name.startsWith('dossiers-scratch-'))).toEqual([]);
  });
});
