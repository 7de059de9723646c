import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { BlobNotFoundError, BlobTooLargeError, type BlobStore, type PendingBlob } from './blob-store.port';

export interface BlobStoreFixture {
  store: BlobStore;
  /** everything the store holds, finished or not (files on disk, GridFS documents) */
  leftovers: () => Promise<string[]>;
  /** leaves, written now, what a process killed while receiving an upload leaves in this store */
  leaveKilledWrite: () => Promise<void>;
  cleanup: () => Promise<void>;
}

const MB = 1024 * 1024;
const TENANT = 'firm-contract';
const CLIENT = '6f1c1d2e-0000-4000-8000-00000000c11e';
const OWNED = { tenant: TENANT, owner: { clientId: CLIENT } };

/** `total` bytes in `chunkSize` chunks, from `makeChunk(index, size)`. */
async function* chunked(total: number, chunkSize: number, makeChunk: (size: number) => Buffer) {
  for (let sent = 0; sent < total; sent += chunkSize) yield makeChunk(Math.min(chunkSize, total - sent));
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

/** A payload whose byte i is known without keeping it: (i * 7 + 3) mod 251, across chunk boundaries. */
function patterned(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 7 + 3) % 251;
  return bytes;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

const inAMinute = () => new Date(Date.now() + 60_000);
const aMinuteAgo = () => new Date(Date.now() - 60_000);

/** One suite for every adapter of the blob-store port; each test gets an empty store. */
export function blobStoreContract(name: string, makeFixture: () => Promise<BlobStoreFixture>) {
  describe(`${name} blob store`, () => {
    let fixture: BlobStoreFixture;
    let store: BlobStore;
    beforeEach(async () => {
      fixture = await makeFixture();
      store = fixture.store;
    });
    afterEach(() => fixture.cleanup());

    const expectNothingLeft = async () => {
      expect(await fixture.leftovers()).toEqual([]);
      expect(await collect(store.listPending(inAMinute()))).toEqual([]);
    };
    const pendingIds = async () =>
      (await collect(store.listPending(inAMinute()))).map((blob: PendingBlob) => blob.blobId);
    const small = (text: string) =>
      store.write(Readable.from([Buffer.from(text)]), { maxBytes: 100, ...OWNED });

    it('round-trips a multi-megabyte random payload, hashed while streaming', async () => {
      const expected = createHash('sha256');
      const source = chunked(5 * MB + 123, 64 * 1024, (size) => {
        const chunk = randomBytes(size);
        expected.update(chunk);
        return chunk;
      });
      const written = await store.write(source, { maxBytes: 10 * MB, ...OWNED });
      const sha = expected.digest('hex');
      expect(written).toEqual({ blobId: expect.any(String), size: 5 * MB + 123, sha256: sha });
      expect(await store.size(written.blobId)).toBe(5 * MB + 123);

      const actual = createHash('sha256');
      let size = 0;
      for await (const chunk of await store.read(written.blobId)) {
        actual.update(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
      expect({ size, sha: actual.digest('hex') }).toEqual({ size: 5 * MB + 123, sha });
    });

    it('reads byte ranges: first byte, last byte, the middle, the whole, past the end', async () => {
      // 300 kB crosses GridFS's 255 kB chunk boundary.
      const payload = patterned(300 * 1024);
      const last = payload.length - 1;
      const { blobId } = await store.write(Readable.from([payload]), { maxBytes: MB, ...OWNED });
      const range = async (start: number, end: number) => readAll(await store.read(blobId, { start, end }));

      expect(await range(0, 0)).toEqual(payload.subarray(0, 1));
      expect(await range(last, last)).toEqual(payload.subarray(last));
      expect(await range(1000, 270_000)).toEqual(payload.subarray(1000, 270_001));
      expect(await range(0, last)).toEqual(payload);
      expect(await range(last - 9, last + 1000)).toEqual(payload.subarray(last - 9));
      await expect(store.read(blobId, { start: 5, end: 4 })).rejects.toThrow(RangeError);
    });

    it('accepts exactly maxBytes, and an empty blob', async () => {
      const exact = await store.write(chunked(1000, 300, patterned), { maxBytes: 1000, ...OWNED });
      expect(exact.size).toBe(1000);
      const empty = await store.write(Readable.from([]), { maxBytes: 1000, ...OWNED });
      expect(empty).toMatchObject({ size: 0, sha256: sha256(Buffer.alloc(0)) });
      expect(await readAll(await store.read(empty.blobId))).toEqual(Buffer.alloc(0));
    });

    it('refuses a blob past maxBytes and leaves nothing', async () => {
      const source = Readable.from(chunked(2 * MB, 64 * 1024, patterned));
      const write = store.write(source, { maxBytes: MB, ...OWNED });
      await expect(write).rejects.toBeInstanceOf(BlobTooLargeError);
      await expect(write).rejects.toMatchObject({ maxBytes: MB });
      // The source is stopped rather than read to its end.
      expect(source.destroyed).toBe(true);
      await expectNothingLeft();
    });

    it('leaves nothing when the source fails midway', async () => {
      async function* failing() {
        yield* chunked(600 * 1024, 64 * 1024, patterned);
        throw new Error('connection reset');
      }
      await expect(store.write(failing(), { maxBytes: 10 * MB, ...OWNED })).rejects.toThrow(
        'connection reset',
      );
      await expectNothingLeft();
    });

    it('leaves nothing when the source stream is aborted midway', async () => {
      const source = new Readable({ read() {} });
      source.push(patterned(400 * 1024));
      setTimeout(() => source.destroy(), 20);
      await expect(store.write(source, { maxBytes: 10 * MB, ...OWNED })).rejects.toThrow();
      await expectNothingLeft();
    });

    it('deletes idempotently', async () => {
      const { blobId } = await store.write(Readable.from([Buffer.from('bye')]), {
        maxBytes: 10,
        ...OWNED,
      });
      await store.delete(blobId);
      await store.delete(blobId);
      await store.delete('00000000-0000-4000-8000-000000000000');
      await store.delete('../not-a-blob');
      expect(await store.size(blobId)).toBeNull();
      await expect(store.read(blobId)).rejects.toBeInstanceOf(BlobNotFoundError);
      await expectNothingLeft();
    });

    it('answers BlobNotFoundError for an unknown id, and for anything that is not a blob id', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', '../../etc/passwd', '', 'tmp']) {
        await expect(store.read(id)).rejects.toBeInstanceOf(BlobNotFoundError);
        await expect(store.read(id, { start: 0, end: 1 })).rejects.toBeInstanceOf(BlobNotFoundError);
        expect(await store.size(id)).toBeNull();
      }
    });

    it('writes concurrently, each blob with its own id and bytes', async () => {
      const payloads = Array.from({ length: 6 }, () =>
        randomBytes(200 * 1024 + Math.floor(Math.random() * 1000)),
      );
      const written = await Promise.all(
        payloads.map((payload) =>
          store.write(
            chunked(
              payload.length,
              16 * 1024,
              (() => {
                let offset = 0;
                return (size: number) => payload.subarray(offset, (offset += size));
              })(),
            ),
            { maxBytes: MB, ...OWNED },
          ),
        ),
      );
      expect(new Set(written.map((blob) => blob.blobId)).size).toBe(payloads.length);
      for (const [index, blob] of written.entries()) {
        expect(blob.sha256).toBe(sha256(payloads[index]));
        expect(await readAll(await store.read(blob.blobId))).toEqual(payloads[index]);
      }
    });

    it('writes a blob pending: readable at once, listed with its owner until promoted', async () => {
      const before = Date.now();
      const { blobId } = await small('pending bytes');
      const after = Date.now();
      expect(await store.size(blobId)).toBe(13);
      expect((await readAll(await store.read(blobId, { start: 8, end: 12 }))).toString()).toBe('bytes');

      const listed = await collect(store.listPending(inAMinute()));
      expect(listed).toEqual([{ blobId, tenant: TENANT, clientId: CLIENT, createdAt: expect.any(Date) }]);
      // GridFS keeps milliseconds, a file system may round: a second either side.
      expect(listed[0].createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(listed[0].createdAt.getTime()).toBeLessThanOrEqual(after + 1000);
      expect(await collect(store.listPending(aMinuteAgo()))).toEqual([]);

      await store.promote(blobId);
      expect(await pendingIds()).toEqual([]);
      expect((await readAll(await store.read(blobId))).toString()).toBe('pending bytes');
      expect(await store.size(blobId)).toBe(13);
    });

    it('promotes idempotently, also twice at once, and refuses a blob that does not exist', async () => {
      const once = await small('once');
      await store.promote(once.blobId);
      await store.promote(once.blobId);
      const twice = await small('twice');
      await Promise.all([store.promote(twice.blobId), store.promote(twice.blobId)]);
      expect(await pendingIds()).toEqual([]);
      expect((await readAll(await store.read(twice.blobId))).toString()).toBe('twice');
      for (const id of ['00000000-0000-4000-8000-000000000000', '../../etc/passwd', 'tmp'])
        await expect(store.promote(id)).rejects.toBeInstanceOf(BlobNotFoundError);
    });

    it('deletes a pending blob and a promoted one, leaving nothing', async () => {
      const pending = await small('pending');
      await store.delete(pending.blobId);
      expect(await store.size(pending.blobId)).toBeNull();
      await expect(store.promote(pending.blobId)).rejects.toBeInstanceOf(BlobNotFoundError);
      const promoted = await small('promoted');
      await store.promote(promoted.blobId);
      await store.delete(promoted.blobId);
      await store.delete(promoted.blobId);
      await expect(store.read(promoted.blobId)).rejects.toBeInstanceOf(BlobNotFoundError);
      await expectNothingLeft();
    });

    it('discards a blob only while it is pending: a promoted one is kept', async () => {
      const pending = await small('orphan');
      expect(await store.discardPending(pending.blobId)).toBe(true);
      expect(await store.discardPending(pending.blobId)).toBe(false);
      expect(await store.size(pending.blobId)).toBeNull();
      await expect(store.promote(pending.blobId)).rejects.toBeInstanceOf(BlobNotFoundError);
      await expectNothingLeft();

      const promoted = await small('named by an event');
      await store.promote(promoted.blobId);
      expect(await store.discardPending(promoted.blobId)).toBe(false);
      expect((await readAll(await store.read(promoted.blobId))).toString()).toBe('named by an event');
      expect(await store.discardPending('../not-a-blob')).toBe(false);
    });

    it('discards the partial bytes of a killed write once stale, never a complete blob', async () => {
      const pending = await small('pending');
      const promoted = await small('promoted');
      await store.promote(promoted.blobId);
      const complete = (await fixture.leftovers()).sort();
      await fixture.leaveKilledWrite();
      const withKilledWrite = (await fixture.leftovers()).sort();
      expect(withKilledWrite.length).toBeGreaterThan(complete.length);

      expect(await store.discardStaleWrites(aMinuteAgo())).toBe(0);
      expect((await fixture.leftovers()).sort()).toEqual(withKilledWrite);
      expect(await store.discardStaleWrites(inAMinute())).toBe(1);
      expect((await fixture.leftovers()).sort()).toEqual(complete);
      expect(await store.discardStaleWrites(inAMinute())).toBe(0);
      expect(await pendingIds()).toEqual([pending.blobId]);
      expect((await readAll(await store.read(promoted.blobId))).toString()).toBe('promoted');
    });

    it('never discards a write still receiving bytes within the period', async () => {
      const source = new Readable({ read() {} });
      // Past GridFS's 255 kB chunk, so some bytes are stored before the write completes.
      source.push(patterned(300 * 1024));
      const write = store.write(source, { maxBytes: MB, ...OWNED });
      for (let tries = 0; (await fixture.leftovers()).length === 0; tries++) {
        if (tries > 100) throw new Error('the write stored nothing');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(await store.discardStaleWrites(aMinuteAgo())).toBe(0);
      source.push(patterned(10));
      source.push(null);
      const { blobId, size } = await write;
      expect(size).toBe(300 * 1024 + 10);
      expect(await readAll(await store.read(blobId))).toEqual(
        Buffer.concat([patterned(300 * 1024), patterned(10)]),
      );
    });

    it('lets exactly one of a racing promote and discard win', async () => {
      for (let round = 0; round < 5; round++) {
        const { blobId } = await small(`race ${round}`);
        const [promoted, discarded] = await Promise.all([
          store.promote(blobId).then(
            () => true,
            (error: unknown) => (error instanceof BlobNotFoundError ? false : Promise.reject(error)),
          ),
          store.discardPending(blobId),
        ]);
        expect(promoted).toBe(!discarded);
        expect(await store.size(blobId)).toBe(promoted ? `race ${round}`.length : null);
        expect(await pendingIds()).toEqual([]);
      }
    });
  });
}
