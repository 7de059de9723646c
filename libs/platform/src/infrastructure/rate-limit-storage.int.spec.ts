import { randomUUID } from 'node:crypto';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import Redis from 'ioredis';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { RateLimitConfig } from '../config/app-config';
import type { Principal } from '../auth/principal';
import { RateLimiter } from '../http/rate-limit';
import {
  COMMAND_TIMEOUT_MS,
  createRateLimitStorage,
  FixedWindowMemoryStorage,
  type RateLimitStorage,
} from './rate-limit-storage';

// Redis runs on every developer machine and in CI (.ci/run starts it): the Redis runs always run.
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const user = (tenant: string, sub: string): Principal => ({ tenant, sub, role: 'collaborator' });
const service = (tenant: string, sub: string): Principal => ({ tenant, sub, role: 'service' });

describe.each([
  ['in memory', undefined],
  ['on Redis', REDIS_URL],
])('rate limits %s', (_, redisUrl) => {
  const opened: RateLimitStorage[] = [];
  let keyPrefix: string;
  beforeEach(() => (keyPrefix = `test:${randomUUID()}`));
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((storage) => storage.close()));
  });

  /** A limiter as one process has it; `shared` limiters are several processes on the same counts. */
  async function limiter(limits: Partial<RateLimitConfig>, shared?: RateLimitStorage) {
    const storage = shared ?? (await createRateLimitStorage(redisUrl));
    if (!shared) opened.push(storage);
    const config = { windowSeconds: 60, perPrincipal: 0, perTenant: 0, perServiceToken: 0, keyPrefix };
    return new RateLimiter(storage.storage, { ...config, ...limits });
  }

  const calls = async (limiter: RateLimiter, principal: Principal, times: number) => {
    const waits: number[] = [];
    for (let i = 0; i < times; i++) waits.push(await limiter.retryAfter(principal));
    return waits;
  };

  it('stops a principal past its limit for the window, and neither its colleagues nor another firm', async () => {
    const limits = await limiter({ perPrincipal: 3, perTenant: 100 });
    expect(await calls(limits, user('firm-a', 'ann'), 3)).toEqual([0, 0, 0]);
    const wait = await limits.retryAfter(user('firm-a', 'ann'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await calls(limits, user('firm-a', 'bob'), 3)).toEqual([0, 0, 0]);
    expect(await calls(limits, user('firm-b', 'ann'), 3)).toEqual([0, 0, 0]);
  });

  it("counts every principal of a firm against the firm's limit, not another firm's", async () => {
    const limits = await limiter({ perPrincipal: 100, perTenant: 4 });
    expect([
      ...(await calls(limits, user('firm-a', 'ann'), 2)),
      ...(await calls(limits, user('firm-a', 'bob'), 2)),
    ]).toEqual([0, 0, 0, 0]);
    expect(await limits.retryAfter(user('firm-a', 'cid'))).toBeGreaterThanOrEqual(1);
    expect(await calls(limits, user('firm-b', 'ann'), 4)).toEqual([0, 0, 0, 0]);
  });

  it("keeps a blocked principal's refused requests out of its firm's count", async () => {
    const limits = await limiter({ perPrincipal: 1, perTenant: 3 });
    const refused = await calls(limits, user('firm-a', 'ann'), 10);
    expect(refused[0]).toBe(0);
    expect(refused.slice(1).every((wait) => wait >= 1)).toBe(true);
    expect(await calls(limits, user('firm-a', 'bob'), 1)).toEqual([0]);
  });

  it('leaves service tokens alone unless configured, and then counts them apart from their firm', async () => {
    const unconfigured = await limiter({ perPrincipal: 2, perTenant: 2 });
    expect(await calls(unconfigured, service('firm-a', 'sync'), 10)).toEqual(Array(10).fill(0));
    expect(await calls(unconfigured, user('firm-a', 'ann'), 2)).toEqual([0, 0]);

    keyPrefix = `test:${randomUUID()}`;
    const configured = await limiter({ perPrincipal: 100, perTenant: 2, perServiceToken: 3 });
    expect(await calls(configured, service('firm-a', 'sync'), 3)).toEqual([0, 0, 0]);
    expect(await configured.retryAfter(service('firm-a', 'sync'))).toBeGreaterThanOrEqual(1);
    expect(await calls(configured, user('firm-a', 'ann'), 2)).toEqual([0, 0]);
  });

  it("never mixes two principals up through a ':' in a firm or a subject", async () => {
    const limits = await limiter({ perPrincipal: 1 });
    expect(await limits.retryAfter(user('a:b', 'c'))).toBe(0);
    expect(await limits.retryAfter(user('a', 'b:c'))).toBe(0);
  });

  it('reads a limit of 0 as none', async () => {
    const limits = await limiter({ perPrincipal: 0, perTenant: 0 });
    expect(await calls(limits, user('firm-a', 'ann'), 50)).toEqual(Array(50).fill(0));
  });

  if (redisUrl) {
    it('shares the counts of every process on the same Redis, under the configured key prefix', async () => {
      const [one, other] = [await createRateLimitStorage(redisUrl), await createRateLimitStorage(redisUrl)];
      opened.push(one, other);
      expect(one.storage).toBeInstanceOf(ThrottlerStorageRedisService);
      const [first, second] = [
        await limiter({ perPrincipal: 2 }, one),
        await limiter({ perPrincipal: 2 }, other),
      ];
      expect(await first.retryAfter(user('firm-a', 'ann'))).toBe(0);
      expect(await second.retryAfter(user('firm-a', 'ann'))).toBe(0);
      expect(await first.retryAfter(user('firm-a', 'ann'))).toBeGreaterThanOrEqual(1);

      const redis = new Redis(redisUrl);
      try {
        // The storage puts the key in a hash tag: {<key>:<throttler>}:hits.
        const keys = await redis.keys(`{${keyPrefix}:*`);
        expect(keys.length).toBeGreaterThan(0);
        await redis.del(...keys);
      } finally {
        await redis.quit();
      }
    });
  }
});

describe('rate limits without their storage', () => {
  it('let every request through while Redis is unreachable', async () => {
    const unreachable = await createRateLimitStorage('redis://127.0.0.1:1');
    try {
      const config = { windowSeconds: 60, perPrincipal: 1, perTenant: 1, perServiceToken: 0, keyPrefix: 'x' };
      const limits = new RateLimiter(unreachable.storage, config);
      for (let i = 0; i < 3; i++) expect(await limits.retryAfter(user('firm-a', 'ann'))).toBe(0);
    } finally {
      await unreachable.close();
    }
  });

  it('let a request through within the command timeout when Redis stops answering on a live connection', async () => {
    // A proxy to the real Redis that can go silent, as a partition does: no reset, no answer.
    const { port: redisPort, hostname } = new URL(REDIS_URL);
    let silent = false;
    const sockets: Socket[] = [];
    const proxy = createServer((client) => {
      const upstream = connect(Number(redisPort || 6379), hostname);
      sockets.push(client, upstream);
      client.on('data', (chunk) => void (silent || upstream.write(chunk)));
      upstream.on('data', (chunk) => void (silent || client.write(chunk)));
      client.on('error', () => undefined);
      upstream.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const storage = await createRateLimitStorage(
      `redis://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    );
    try {
      const config = { windowSeconds: 60, perPrincipal: 1, perTenant: 0, perServiceToken: 0 };
      const limits = new RateLimiter(storage.storage, { ...config, keyPrefix: `test:${randomUUID()}` });
      const ann = user('firm-a', 'ann');
      expect(await limits.retryAfter(ann)).toBe(0);
      expect(await limits.retryAfter(ann)).toBeGreaterThan(0); // counted on Redis: blocked
      silent = true;
      const started = Date.now();
      expect(await limits.retryAfter(ann)).toBe(0); // uncounted, let through
      expect(Date.now() - started).toBeLessThan(COMMAND_TIMEOUT_MS + 1000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await storage.close();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});

describe('FixedWindowMemoryStorage', () => {
  afterEach(() => jest.useRealTimers());

  it('blocks for one window from the request past the limit, then counts afresh', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const storage = new FixedWindowMemoryStorage();
    const hit = () => storage.increment('ann', 10_000, 2, 10_000, 'principal');
    expect((await hit()).isBlocked).toBe(false);
    jest.advanceTimersByTime(4_000);
    expect((await hit()).isBlocked).toBe(false);
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 10 });
    jest.advanceTimersByTime(6_000); // a new window, but still within the block
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 4 });
    jest.advanceTimersByTime(4_000);
    expect(await hit()).toMatchObject({ isBlocked: false, totalHits: 1 });
    storage.close();
  });
});
