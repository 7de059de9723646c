import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { idempotencyStoreContract } from './idempotency-store.contract';
import { RedisIdempotencyStore } from './redis/redis-idempotency-store';
import { SqliteIdempotencyStore } from './sqlite/sqlite-idempotency-store';

idempotencyStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'idem-'));
  const store = new SqliteIdempotencyStore(join(dir, 'idempotency.db'));
  return { store, cleanup: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })) };
});

// Redis runs on every developer machine and in CI (.ci/run starts it): this suite always runs.
idempotencyStoreContract('Redis', async () => {
  const store = new RedisIdempotencyStore(
    process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    `test:${randomUUID()}:`,
  );
  return { store, cleanup: () => store.close() };
});

describe('SQLite idempotency store expiry', () => {
  it('forgets a key once its time is up, and lets it be used again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idem-'));
    let now = 1_000_000;
    const store = new SqliteIdempotencyStore(join(dir, 'i.db'), () => now);
    const stored = { fingerprint: 'f', status: 201, body: 'old', headers: {} };
    await store.save('t', 'k', stored, 10);
    now += 10_000;
    expect(await store.find('t', 'k')).toBeNull();
    expect((await store.save('t', 'k', { ...stored, body: 'new' }, 10)).body).toBe('new');
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
