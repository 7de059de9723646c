import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { startStandalone, type StandaloneHarness } from './support/standalone-app';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The statuses of `times` GET /clients with the token, one after the other. */
async function statuses(h: StandaloneHarness, token: string, times: number): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < times; i++)
    seen.push(
      (
        await h
          .http()
          .get('/clients')
          .set({ Authorization: `Bearer ${token}` })
      ).status,
    );
  return seen;
}

describe('rate limits over HTTP (per principal 3, per firm 5)', () => {
  let h: StandaloneHarness;
  beforeAll(async () => {
    h = await startStandalone({ RATE_LIMIT_PER_PRINCIPAL: '3', RATE_LIMIT_PER_TENANT: '5' });
  });
  afterAll(() => h.close());

  it('answers 429 RATE_LIMITED with Retry-After past the limit, to that principal only', async () => {
    const ann = await h.token('collaborator', 'firm-rl-1', 'ann');
    expect(await statuses(h, ann, 3)).toEqual([200, 200, 200]);
    const refused = await h
      .http()
      .get('/clients')
      .set({ Authorization: `Bearer ${ann}` });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ code: 'RATE_LIMITED', message: expect.stringMatching(/retry in \d+ s/) });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    // A command too: the limit is the principal's, whatever it calls.
    const command = await h
      .http()
      .post('/clients')
      .set({ Authorization: `Bearer ${ann}` })
      .send({ name: 'Trop tôt' });
    expect(command.status).toBe(429);

    expect(await statuses(h, await h.token('collaborator', 'firm-rl-1', 'bob'), 2)).toEqual([200, 200]);
    expect(await statuses(h, await h.token('collaborator', 'firm-rl-2', 'ann'), 3)).toEqual([200, 200, 200]);
  });

  it("stops a firm's principals together past the firm's limit, and not another firm's", async () => {
    const [ann, bob, cid] = await Promise.all(
      ['ann', 'bob', 'cid'].map((sub) => h.token('admin', 'firm-rl-3', sub)),
    );
    expect([...(await statuses(h, ann, 3)), ...(await statuses(h, bob, 2))]).toEqual([
      200, 200, 200, 200, 200,
    ]);
    expect(await statuses(h, cid, 1)).toEqual([429]);
    expect(await statuses(h, await h.token('admin', 'firm-rl-4', 'ann'), 3)).toEqual([200, 200, 200]);
  });

  it('leaves service tokens unlimited by default', async () => {
    const sync = await h.token('service', 'firm-rl-5', 'sync');
    expect(await statuses(h, sync, 8)).toEqual(Array(8).fill(200));
  });

  it('does not count the public routes, which have no principal', async () => {
    for (let i = 0; i < 8; i++) expect((await h.http().get('/health')).status).toBe(200);
  });
});

describe('rate limits for service tokens, when configured', () => {
  it('stops a service token past RATE_LIMIT_PER_SERVICE_TOKEN', async () => {
    const h = await startStandalone({ RATE_LIMIT_PER_SERVICE_TOKEN: '2' });
    try {
      expect(await statuses(h, await h.token('service', 'firm-rl-6', 'sync'), 3)).toEqual([200, 200, 429]);
    } finally {
      await h.close();
    }
  });
});

describe('rate limits on Redis (REDIS_URL set)', () => {
  it('are counted in Redis, so every process of the deployment shares them', async () => {
    const keyPrefix = `test:${randomUUID()}`;
    const env = { REDIS_URL, RATE_LIMIT_PER_PRINCIPAL: '2', RATE_LIMIT_KEY_PREFIX: keyPrefix };
    const [one, other] = [await startStandalone(env), await startStandalone(env)];
    const redis = new Redis(REDIS_URL);
    try {
      const ann = await one.token('collaborator', 'firm-rl-7', 'ann');
      expect([...(await statuses(one, ann, 1)), ...(await statuses(other, ann, 1))]).toEqual([200, 200]);
      expect(await statuses(one, ann, 1)).toEqual([429]);
      const keys = await redis.keys(`{${keyPrefix}:*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
    } finally {
      await Promise.all([one.close(), other.close(), redis.quit()]);
    }
  });
});
