import { randomUUID } from 'node:crypto';
import { GridFSBucket, MongoClient, type GridFSBucketWriteStream, type MongoClientOptions } from 'mongodb';
import {
  BlobNotFoundError,
  checkByteRange,
  isBlobId,
  type BlobStore,
  type BlobWriteResult,
  type ByteRange,
} from '../blob-store.port';
import { abandon, meterSource } from '../metered-source';

export interface GridFsBlobStoreOptions {
  url: string;
  databaseName: string;
  /** collections `<bucketName>.files` and `<bucketName>.chunks`; default `blobs` */
  bucketName?: string;
  clientOptions?: MongoClientOptions;
}

interface BlobFile {
  _id: string;
  length: number;
  uploadDate: Date;
}

/**
 * Blobs in MongoDB GridFS, the blob id as the file's `_id` and the tenant in its metadata. GridFS
 * writes the files document only after the last chunk, so an unfinished upload is invisible to
 * readers; on failure the upload is aborted, which deletes the chunks already written.
 */
export class GridFsBlobStore implements BlobStore {
  private readonly client: MongoClient;
  private readonly bucket: GridFSBucket;

  /** The driver connects on the first operation. */
  constructor(options: GridFsBlobStoreOptions) {
    this.client = new MongoClient(options.url, options.clientOptions);
    this.bucket = new GridFSBucket(this.client.db(options.databaseName), {
      bucketName: options.bucketName ?? 'blobs',
    });
  }

  async write(
    source: AsyncIterable<Uint8Array> | NodeJS.ReadableStream,
    options: { maxBytes: number; tenant: string },
  ): Promise<BlobWriteResult> {
    const blobId = randomUUID();
    const upload = this.bucket.openUploadStreamWithId(blobId as never, blobId, {
      metadata: { tenant: options.tenant },
    });
    // Failures are taken from the write callbacks below; without a listener an 'error' event would crash.
    upload.on('error', () => undefined);
    const { chunks, meter } = meterSource(source, options.maxBytes);
    try {
      // One write at a time, each awaited: when the source fails no chunk insert is still in
      // flight, so abort() deletes every chunk of this upload.
      for await (const chunk of chunks) await writeChunk(upload, chunk);
      await endUpload(upload);
    } catch (error) {
      abandon(source);
      // abort() refuses once the last chunk is being written (a failure storing the files
      // document): delete the chunks through the bucket then.
      await upload.abort().catch(() => this.delete(blobId).catch(() => undefined));
      throw error;
    }
    return { blobId, size: meter.size, sha256: meter.sha256() };
  }

  async read(blobId: string, range?: ByteRange): Promise<NodeJS.ReadableStream> {
    if (range) checkByteRange(range);
    const file = await this.find(blobId);
    if (!file) throw new BlobNotFoundError(blobId);
    if (!range) return this.bucket.openDownloadStream(blobId as never);
    // GridFS's end is exclusive and may not pass the file's length.
    const end = Math.min(range.end + 1, file.length);
    return this.bucket.openDownloadStream(blobId as never, { start: Math.min(range.start, end), end });
  }

  async size(blobId: string): Promise<number | null> {
    return (await this.find(blobId))?.length ?? null;
  }

  async delete(blobId: string): Promise<void> {
    if (!isBlobId(blobId)) return;
    try {
      await this.bucket.delete(blobId as never);
    } catch (error) {
      // The chunks are deleted before this is thrown: a missing blob is the idempotent case.
      if (!/File not found/i.test((error as Error).message)) throw error;
    }
  }

  async *list(olderThan: Date): AsyncIterable<string> {
    const files = this.bucket.find({ uploadDate: { $lt: olderThan } }, { projection: { _id: 1 } });
    for await (const file of files) yield String(file._id);
  }

  close(): Promise<void> {
    return this.client.close();
  }

  private async find(blobId: string): Promise<BlobFile | null> {
    if (!isBlobId(blobId)) return null;
    const [file] = await this.bucket.find({ _id: blobId as never }, { limit: 1 }).toArray();
    return (file as unknown as BlobFile | undefined) ?? null;
  }
}

function writeChunk(upload: GridFSBucketWriteStream, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) =>
    upload.write(chunk, (error) => (error ? reject(error) : resolve())),
  );
}

function endUpload(upload: GridFSBucketWriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    upload.once('finish', resolve);
    upload.once('error', reject);
    upload.end();
  });
}
