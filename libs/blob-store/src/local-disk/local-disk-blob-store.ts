import { randomUUID } from 'node:crypto';
import { mkdir, open, opendir, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BlobNotFoundError,
  checkByteRange,
  isBlobId,
  type BlobStore,
  type BlobWriteResult,
  type ByteRange,
} from '../blob-store.port';
import { abandon, meterSource } from '../metered-source';

/**
 * The embedded default: one file per blob under `root` (DATA_DIR/blobs), sharded by the first two
 * characters of the id so no directory grows too large. A blob is written to `root/tmp` and renamed
 * into place only once complete and fsynced, so a reader never sees a partial blob and a failed
 * write leaves at most a temporary file, removed at once. Paths are only built from validated
 * uuids. The tenant is not part of the path: blob ids are unguessable and only ever reached
 * through file metadata that is itself scoped to a tenant.
 */
export class LocalDiskBlobStore implements BlobStore {
  private readonly tmpDir: string;

  constructor(private readonly root: string) {
    this.tmpDir = join(root, 'tmp');
  }

  async write(
    source: AsyncIterable<Uint8Array> | NodeJS.ReadableStream,
    options: { maxBytes: number; tenant: string },
  ): Promise<BlobWriteResult> {
    const blobId = randomUUID();
    const final = this.pathOf(blobId);
    const temporary = join(this.tmpDir, `${blobId}.part`);
    const { chunks, meter } = meterSource(source, options.maxBytes);
    try {
      await mkdir(this.tmpDir, { recursive: true });
      const file = await open(temporary, 'wx');
      try {
        for await (const chunk of chunks) await writeAll(file, chunk);
        await file.sync();
      } finally {
        await file.close();
      }
      await mkdir(join(final, '..'), { recursive: true });
      await rename(temporary, final);
      await syncDirectory(join(final, '..'));
    } catch (error) {
      abandon(source);
      await rm(temporary, { force: true });
      throw error;
    }
    return { blobId, size: meter.size, sha256: meter.sha256() };
  }

  async read(blobId: string, range?: ByteRange): Promise<NodeJS.ReadableStream> {
    if (range) checkByteRange(range);
    // Opened before the stream is made, so a missing blob rejects here rather than in the stream.
    const file = await this.openExisting(blobId);
    return file.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  async size(blobId: string): Promise<number | null> {
    if (!isBlobId(blobId)) return null;
    try {
      return (await stat(this.pathOf(blobId))).size;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(blobId: string): Promise<void> {
    if (isBlobId(blobId)) await rm(this.pathOf(blobId), { force: true });
  }

  async *list(olderThan: Date): AsyncIterable<string> {
    for (const shard of await readdirIfAny(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      const directory = await opendir(join(this.root, shard));
      for await (const entry of directory) {
        if (!entry.isFile() || !isBlobId(entry.name)) continue;
        const written = await stat(join(this.root, shard, entry.name)).catch(() => undefined);
        if (written && written.mtime < olderThan) yield entry.name;
      }
    }
  }

  async close(): Promise<void> {}

  private pathOf(blobId: string): string {
    return join(this.root, blobId.slice(0, 2), blobId);
  }

  private async openExisting(blobId: string): Promise<FileHandle> {
    if (!isBlobId(blobId)) throw new BlobNotFoundError(blobId);
    try {
      return await open(this.pathOf(blobId), 'r');
    } catch (error) {
      if (isMissing(error)) throw new BlobNotFoundError(blobId);
      throw error;
    }
  }
}

async function writeAll(file: FileHandle, chunk: Buffer): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await file.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}

/** Makes the rename itself durable: without it a crash may forget a blob whose event is stored. */
async function syncDirectory(path: string): Promise<void> {
  const directory = await open(path, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

async function readdirIfAny(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}
