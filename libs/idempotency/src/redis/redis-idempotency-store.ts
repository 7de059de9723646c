import Redis from 'ioredis';
import type { IdempotencyStore, StoredResponse } from '../idempotency-store.port';

/** Production: SET NX EX gives "first wins" and expiry in one atomic command. */
export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix = 'dossiers:idempotency:',
  ) {
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
  }

  private keyOf(scope: string, key: string) {
    return `${this.prefix}${scope}:${key}`;
  }

  async find(scope: string, key: string): Promise<StoredResponse | null> {
    const raw = await this.redis.get(this.keyOf(scope, key));
    return raw ? (JSON.parse(raw) as StoredResponse) : null;
  }

  async save(
    scope: string,
    key: string,
    response: StoredResponse,
    ttlSeconds: number,
  ): Promise<StoredResponse> {
    const stored = await this.redis.set(
      this.keyOf(scope, key),
      JSON.stringify(response),
      'EX',
      ttlSeconds,
      'NX',
    );
    if (stored === 'OK') return response;
    return (await this.find(scope, key)) ?? response;
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
