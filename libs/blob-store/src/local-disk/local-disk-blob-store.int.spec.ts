import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { blobStoreContract } from '../blob-store.contract';
import { LocalDiskBlobStore } from './local-disk-blob-store';

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
    cleanup: async () => (await store.close(), rmSync(root, { recursive: true, force: true })),
  };
});

describe('Local disk blob store layout', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'blobs-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('keeps a blob at <first two characters>/<id>, with no temporary file left', async () => {
    const store = new LocalDiskBlobStore(root);
    const { blobId } = await store.write(Readable.from([Buffer.from('hello')]), {
      maxBytes: 10,
      tenant: 't',
    });
    expect(filesUnder(root)).toEqual([join(blobId.slice(0, 2), blobId)]);
  });

  it('keeps the temporary file out of sight until the blob is complete', async () => {
    const store = new LocalDiskBlobStore(root);
    let seenMidway: string[] = [];
    async function* slow() {
      yield Buffer.from('first half ');
      seenMidway = filesUnder(root);
      yield Buffer.from('second half');
    }
    const { blobId } = await store.write(slow(), { maxBytes: 100, tenant: 't' });
    expect(seenMidway).toEqual([join('tmp', `${blobId}.part`)]);
    expect(await store.size(blobId)).toBe(22);
  });

  it('stops the source when the disk fails, so an upload does not wait for a reader', async () => {
    writeFileSync(join(root, 'not-a-directory'), '');
    const store = new LocalDiskBlobStore(join(root, 'not-a-directory'));
    const source = Readable.from([Buffer.from('bytes')]);
    await expect(store.write(source, { maxBytes: 10, tenant: 't' })).rejects.toThrow(/ENOTDIR/);
    expect(source.destroyed).toBe(true);
  });
});
