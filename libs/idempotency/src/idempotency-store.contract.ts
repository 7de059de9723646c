import { randomUUID } from 'node:crypto';
import type { IdempotencyStore, StoredResponse } from './idempotency-store.port';

const response = (body: unknown): StoredResponse => ({
  fingerprint: 'f',
  status: 201,
  body,
  headers: { etag: '"0"' },
});

/** One suite for every adapter of the idempotency port. */
export function idempotencyStoreContract(
  name: string,
  make: () => Promise<{ store: IdempotencyStore; cleanup: () => Promise<void> }>,
) {
  describe(`${name} idempotency store`, () => {
    let store: IdempotencyStore;
    let cleanup: () => Promise<void>;
    const scope = `tenant-${randomUUID()}`;

    beforeAll(async () => ({ store, cleanup } = await make()));
    afterAll(() => cleanup());

    it('finds nothing for an unknown key', async () => {
      expect(await store.find(scope, randomUUID())).toBeNull();
    });

    it('replays the stored response', async () => {
      const key = randomUUID();
      await store.save(scope, key, response({ id: 1 }), 60);
      expect(await store.find(scope, key)).toEqual(response({ id: 1 }));
    });

    it('keeps the first response when two saves race', async () => {
      const key = randomUUID();
      const kept = await Promise.all([
        store.save(scope, key, response('first'), 60),
        store.save(scope, key, response('second'), 60),
      ]);
      expect(kept[0]).toEqual(kept[1]);
      expect(await store.find(scope, key)).toEqual(kept[0]);
    });

    it('keeps keys of different scopes apart', async () => {
      const key = randomUUID();
      await store.save(scope, key, response('mine'), 60);
      expect(await store.find(`${scope}-other`, key)).toBeNull();
    });

    it('answers a readiness ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
