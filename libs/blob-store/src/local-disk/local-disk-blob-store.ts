import { randomUUID } from 'node:crypto';
import { mkdir, open, opendir, readFile, rename, rm, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BlobNotFoundError,
  checkByteRange,
  isBlobId,
  type BlobStore,
  type BlobWriteOptions,
  type BlobWriteResult,
  type ByteRange,
  type PendingBlob,
} from '../blob-store.port';
import { abandon, meterSource } from '../metered-source';

/**
 * The embedded default: one file per blob under `root` (DATA_DIR/blobs). A blob is written to
 * `root/tmp` and renamed once complete and fsynced, so a reader never sees a partial blob and a
 * failed write leaves at most a temporary file, removed at once (a killed process leaves it for
 * `discardStaleWrites`). It lands in `root/pending/<id>`,
 * its owner (tenant, client, createdAt) beside it in `<id>.json`, and `promote` renames it to
 * `root/<first two characters>/<id>` (sharded so no directory grows too large), where blobs
 * written before pending ones existed also live. Paths are only built from validated uuids. The
 * tenant is not part of the path: blob ids are unguessable and only ever reached through file
 * metadata that is itself scoped to a tenant.
 */
export class LocalDiskBlobStore implements BlobStore {
  private readonly tmpDir: string;
  private readonly pendingDir: string;

  constructor(private readonly root: string) {
    this.tmpDir = join(root, 'tmp');
    this.pendingDir = join(root, 'pending');
  }

  async write(
    source: AsyncIterable<Uint8Array> | NodeJS.ReadableStream,
    options: BlobWriteOptions,
  ): Promise<BlobWriteResult> {
    const blobId = randomUUID();
    const temporary = join(this.tmpDir, `${blobId}.part`);
    const temporaryOwner = join(this.tmpDir, `${blobId}.json.part`);
    const { chunks, meter } = meterSource(source, options.maxBytes);
    try {
      await mkdir(this.tmpDir, { recursive: true });
      await mkdir(this.pendingDir, { recursive: true });
      await writeSynced(temporary, chunks);
      const owner: PendingBlobRecord = {
        blobId,
        tenant: options.tenant,
        clientId: options.owner.clientId,
        createdAt: new Date().toISOString(),
      };
      await writeSynced(temporaryOwner, [Buffer.from(JSON.stringify(owner))]);
      // The owner first: a crash between the two renames leaves an owner without bytes, which
      // the sweeper clears, never bytes nobody is listed as owning.
      await rename(temporaryOwner, this.ownerPathOf(blobId));
      await rename(temporary, this.pendingPathOf(blobId));
      await syncDirectory(this.pendingDir);
    } catch (error) {
      abandon(source);
      await rm(temporary, { force: true });
      await rm(temporaryOwner, { force: true });
      await rm(this.ownerPathOf(blobId), { force: true });
      await rm(this.pendingPathOf(blobId), { force: true });
      throw error;
    }
    return { blobId, size: meter.size, sha256: meter.sha256() };
  }

  async promote(blobId: string): Promise<void> {
    if (!isBlobId(blobId)) throw new BlobNotFoundError(blobId);
    const final = this.finalPathOf(blobId);
    try {
      await mkdir(join(final, '..'), { recursive: true });
      await rename(this.pendingPathOf(blobId), final);
      // Makes the rename durable before the owner record goes: a crash may leave the record, never lose the blob.
      await syncDirectory(join(final, '..'));
    } catch (error) {
      if (!isMissing(error)) throw error;
      // Promoted already (by the upload or the sweeper), or never written, or discarded.
      if (!(await exists(final))) throw new BlobNotFoundError(blobId);
    }
    await rm(this.ownerPathOf(blobId), { force: true });
  }

  async read(blobId: string, range?: ByteRange): Promise<NodeJS.ReadableStream> {
    if (range) checkByteRange(range);
    // Opened before the stream is made, so a missing blob rejects here rather than in the stream.
    const file = await this.openExisting(blobId);
    return file.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  async size(blobId: string): Promise<number | null> {
    if (!isBlobId(blobId)) return null;
    for (const path of this.placesOf(blobId)) {
      try {
        return (await stat(path)).size;
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
    return null;
  }

  async delete(blobId: string): Promise<void> {
    if (!isBlobId(blobId)) return;
    await rm(this.finalPathOf(blobId), { force: true });
    await rm(this.pendingPathOf(blobId), { force: true });
    await rm(this.ownerPathOf(blobId), { force: true });
  }

  async discardPending(blobId: string): Promise<boolean> {
    if (!isBlobId(blobId)) return false;
    let discarded = true;
    try {
      // An unlink races a promote's rename atomically: whichever comes first wins the bytes.
      await unlink(this.pendingPathOf(blobId));
    } catch (error) {
      if (!isMissing(error)) throw error;
      discarded = false;
    }
    await rm(this.ownerPathOf(blobId), { force: true });
    return discarded;
  }

  async *listPending(olderThan: Date): AsyncIterable<PendingBlob> {
    let directory;
    try {
      directory = await opendir(this.pendingDir);
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for await (const entry of directory) {
      const blobId = entry.name.replace(/\.json$/, '');
      if (!entry.isFile() || !entry.name.endsWith('.json') || !isBlobId(blobId)) continue;
      const record = await this.readOwner(blobId);
      if (record && record.createdAt < olderThan) yield record;
    }
  }

  async discardStaleWrites(olderThan: Date): Promise<number> {
    let directory;
    try {
      directory = await opendir(this.tmpDir);
    } catch (error) {
      if (isMissing(error)) return 0;
      throw error;
    }
    const discarded = new Set<string>();
    for await (const entry of directory) {
      const blobId = entry.name.replace(/(\.json)?\.part$/, '');
      if (!entry.isFile() || !entry.name.endsWith('.part') || !isBlobId(blobId)) continue;
      const path = join(this.tmpDir, entry.name);
      try {
        // The last write, not the first: an upload still receiving bytes, however long, is kept.
        if ((await stat(path)).mtime >= olderThan) continue;
        await unlink(path);
        discarded.add(blobId);
      } catch (error) {
        // Completed (renamed away) or discarded by another sweep since the directory was read.
        if (!isMissing(error)) throw error;
      }
    }
    return discarded.size;
  }

  async close(): Promise<void> {}

  private async readOwner(blobId: string): Promise<PendingBlob | undefined> {
    try {
      const record = JSON.parse(await readFile(this.ownerPathOf(blobId), 'utf8')) as PendingBlobRecord;
      const createdAt = new Date(record.createdAt);
      // Written whole then renamed, so never torn; anything else is not ours to judge, and stays.
      const valid =
        record.blobId === blobId &&
        typeof record.tenant === 'string' &&
        typeof record.clientId === 'string' &&
        !isNaN(createdAt.getTime());
      if (!valid) return undefined;
      return { blobId, tenant: record.tenant, clientId: record.clientId, createdAt };
    } catch (error) {
      // Promoted or discarded since the directory was read.
      if (isMissing(error) || error instanceof SyntaxError) return undefined;
      throw error;
    }
  }

  private finalPathOf(blobId: string): string {
    return join(this.root, blobId.slice(0, 2), blobId);
  }

  private pendingPathOf(blobId: string): string {
    return join(this.pendingDir, blobId);
  }

  private ownerPathOf(blobId: string): string {
    return join(this.pendingDir, `${blobId}.json`);
  }

  /** Permanent first (most reads), then pending, then permanent again: a promote may move it between two looks. */
  private placesOf(blobId: string): string[] {
    return [this.finalPathOf(blobId), this.pendingPathOf(blobId), this.finalPathOf(blobId)];
  }

  private async openExisting(blobId: string): Promise<FileHandle> {
    if (!isBlobId(blobId)) throw new BlobNotFoundError(blobId);
    for (const path of this.placesOf(blobId)) {
      try {
        return await open(path, 'r');
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
    throw new BlobNotFoundError(blobId);
  }
}

/** The owner record of a pending blob, as stored in `pending/<id>.json`. */
interface PendingBlobRecord {
  blobId: string;
  tenant: string;
  clientId: string;
  createdAt: string;
}

/** Writes a new file whole and fsyncs it. */
async function writeSynced(path: string, chunks: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<void> {
  const file = await open(path, 'wx');
  try {
    for await (const chunk of chunks) await writeAll(file, chunk);
    await file.sync();
  } finally {
    await file.close();
  }
}

async function writeAll(file: FileHandle, chunk: Buffer): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await file.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}

/** Makes a rename itself durable: without it a crash may forget a blob whose event is stored. */
async function syncDirectory(path: string): Promise<void> {
  const directory = await open(path, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}
