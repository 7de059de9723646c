import Redis from 'ioredis';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';

export type RateLimitRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** A @nestjs/throttler storage and what ends it: the Redis connection, the in-memory sweep. */
export interface RateLimitStorage {
  storage: ThrottlerStorage;
  close(): Promise<void>;
}

/**
 * The fixed windows of @nest-lab/throttler-storage-redis's script, in memory: a counter per key
 * that starts with the window's first hit, and a block of `blockDuration` once it passes the
 * limit. O(1) a request: @nestjs/throttler's own in-memory storage keeps and filters every hit's
 * timestamp, up to `limit` of them per key and per request.
 */
export class FixedWindowMemoryStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, { hits: number; expiresAt: number; blockedUntil: number }>();
  private readonly sweep: NodeJS.Timeout;

  constructor(sweepIntervalMs = 60_000) {
    // Forgets the principals that stopped calling, so the map holds the recent ones only.
    this.sweep = setInterval(() => this.forgetExpired(Date.now()), sweepIntervalMs).unref();
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<RateLimitRecord> {
    const now = Date.now();
    const id = `${throttlerName}:${key}`;
    let window = this.windows.get(id);
    // A block just over: counting starts afresh, as in the Redis script.
    if (window && window.blockedUntil !== 0 && window.blockedUntil <= now) window = undefined;
    if (!window || window.expiresAt <= now) {
      window = { hits: 0, expiresAt: now + ttl, blockedUntil: window?.blockedUntil ?? 0 };
      this.windows.set(id, window);
    }
    window.hits++;
    if (window.blockedUntil <= now && window.hits > limit) window.blockedUntil = now + blockDuration;
    const isBlocked = window.blockedUntil > now;
    return {
      totalHits: window.hits,
      timeToExpire: Math.ceil((window.expiresAt - now) / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((window.blockedUntil - now) / 1000) : 0,
    };
  }

  close(): void {
    clearInterval(this.sweep);
    this.windows.clear();
  }

  private forgetExpired(now: number): void {
    for (const [id, window] of this.windows)
      if (window.expiresAt <= now && window.blockedUntil <= now) this.windows.delete(id);
  }
}

/** How long a request waits for its rate-limit count before it goes through uncounted. */
export const COMMAND_TIMEOUT_MS = 250;

/**
 * Redis when REDIS_URL is set, so every process of the deployment counts against the same limits;
 * memory otherwise (one process). The Redis client does not queue commands while disconnected: a
 * request then fails at once rather than waiting for Redis (RateLimiter lets it pass); and a
 * Redis that stops answering on a live connection (a partition: no reset) fails each count after
 * COMMAND_TIMEOUT_MS instead of holding every request until TCP gives up.
 */
export async function createRateLimitStorage(redisUrl: string | undefined): Promise<RateLimitStorage> {
  if (!redisUrl) {
    const storage = new FixedWindowMemoryStorage();
    return { storage, close: async () => storage.close() };
  }
  const redis = new Redis(redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: COMMAND_TIMEOUT_MS,
  });
  // Without a listener ioredis prints every failed reconnection; RateLimiter reports the outage once.
  redis.on('error', () => undefined);
  // The first requests would otherwise find it still connecting. Unreachable: start anyway.
  await new Promise((settle) => {
    redis.once('ready', settle);
    redis.once('error', settle);
  });
  return {
    storage: new ThrottlerStorageRedisService(redis),
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
