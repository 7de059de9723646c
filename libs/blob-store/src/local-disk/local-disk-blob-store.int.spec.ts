import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { blobStoreContract } from '../blob-store.contract';
import type { PendingBlob } from '../blob-store.port';
import { LocalDiskBlobStore } from './local-disk-blob-store';

const OWNED = { tenant: 't', owner: { clientId: '6f1c1d2e-0000-4000-8000-00000000c11e' } };

async function listed(store: LocalDiskBlobStore): Promise<PendingBlob[]> {
  const all: PendingBlob[] = [];
  for await (const blob of store.listPending(new Date(Date.now() + 60_000))) all.push(blob);
  return all;
}

/** Every file under `root`, temporary ones included, relative to it. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

blobStoreContract('Local disk', async () => {
  const root = mkdtempSync(join(tmpdir(), 'blobs-'));
  const store = new LocalDiskBlobStore(root);
  return {
    store,
    leftovers: async () => filesUnder(root),
    // The bytes, and the owner record a killed write may have begun too: one write.
    leaveKilledWrite: async () => {
      const blobId = randomUUID();
      mkdirSync(join(root, 'tmp'), { recursive: true });
      writeFileSync(join(root, 'tmp', `${blobId}.part`), 'partial bytes');
      writeFileSync(join(root, 'tmp', `${blobId}.json.part`), '{"blobId":');
    },
    cleanup: async () => (await store.close(), rmSync(root, { recursive: true, force: true })),
  };
});

describe('Local disk blob store layout', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'blobs-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('keeps a pending blob at pending/<id> with its owner beside it, then at <first two characters>/<id>', async () => {
    const store = new LocalDiskBlobStore(root);
    const { blobId } = await store.write(Readable.from([Buffer.from('hello')]), { maxBytes: 10, ...OWNED });
    expect(filesUnder(root).sort()).toEqual([join('pending', blobId), join('pending', `${blobId}.json`)]);
    expect(JSON.parse(readFileSync(join(root, 'pending', `${blobId}.json`), 'utf8'))).toEqual({
      blobId,
      tenant: 't',
      clientId: OWNED.owner.clientId,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    await store.promote(blobId);
    expect(filesUnder(root)).toEqual([join(blobId.slice(0, 2), blobId)]);
  });

  it('reads the blobs stored before pending ones existed (<first two characters>/<id>) as permanent', async () => {
    const blobId = '0a1b2c3d-0000-4000-8000-000000000001';
    mkdirSync(join(root, '0a'));
    writeFileSync(join(root, '0a', blobId), 'legacy');
    const store = new LocalDiskBlobStore(root);
    expect(await store.size(blobId)).toBe(6);
    await store.promote(blobId);
    expect(await store.discardPending(blobId)).toBe(false);
    expect(await store.size(blobId)).toBe(6);
  });

  it('clears what a crash leaves: an owner record without its bytes, a record left after a promote', async () => {
    const store = new LocalDiskBlobStore(root);
    // The process died between writing the owner record and renaming the bytes.
    const { blobId: lost } = await store.write(Readable.from([Buffer.from('a')]), { maxBytes: 10, ...OWNED });
    rmSync(join(root, 'pending', lost));
    expect(await store.size(lost)).toBeNull();
    expect((await listed(store)).map((blob) => blob.blobId)).toEqual([lost]);
    expect(await store.discardPending(lost)).toBe(false);
    // The process died after the promote's rename, before the record was removed.
    const { blobId: promoted } = await store.write(Readable.from([Buffer.from('b')]), {
      maxBytes: 10,
      ...OWNED,
    });
    const record = readFileSync(join(root, 'pending', `${promoted}.json`));
    await store.promote(promoted);
    writeFileSync(join(root, 'pending', `${promoted}.json`), record);
    expect((await listed(store)).map((blob) => blob.blobId)).toEqual([promoted]);
    await store.promote(promoted);
    expect(filesUnder(root)).toEqual([join(promoted.slice(0, 2), promoted)]);
  });

  it('keeps the temporary file out of sight until the blob is complete', async () => {
    const store = new LocalDiskBlobStore(root);
    let seenMidway: string[] = [];
    async function* slow() {
      yield Buffer.from('first half ');
      seenMidway = filesUnder(root);
      yield Buffer.from('second half');
    }
    const { blobId } = await store.write(slow(), { maxBytes: 100, ...OWNED });
    expect(seenMidway).toEqual([join('tmp', `${blobId}.part`)]);
    expect(await store.size(blobId)).toBe(22);
  });

  it('stops the source when the disk fails, so an upload does not wait for a reader', async () => {
    writeFileSync(join(root, 'not-a-directory'), '');
    const store = new LocalDiskBlobStore(join(root, 'not-a-directory'));
    const source = Readable.from([Buffer.from('bytes')]);
    await expect(store.write(source, { maxBytes: 10, ...OWNED })).rejects.toThrow(/ENOTDIR/);
    expect(source.destroyed).toBe(true);
  });
});
