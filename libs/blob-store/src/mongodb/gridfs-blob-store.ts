import { randomUUID } from 'node:crypto';
import {
  GridFSBucket,
  MongoClient,
  ObjectId,
  type Collection,
  type GridFSBucketWriteStream,
  type MongoClientOptions,
} from 'mongodb';
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
  chunkSize: number;
  uploadDate: Date;
  filename: string;
  /** `pending` is set until the blob is promoted; blobs written before pending ones existed have none */
  metadata?: { tenant?: string; clientId?: string; pending?: boolean };
}

/**
 * Blobs in MongoDB GridFS, the blob id as the file's `_id`, the tenant and owning client in its
 * metadata, and `metadata.pending: true` until promoted (then unset: one document update, atomic
 * against a discard's conditional delete). GridFS writes the files document only after the last
 * chunk, so an unfinished upload is invisible to readers; on failure the upload is aborted, which
 * deletes the chunks already written (a killed process leaves them for `discardStaleWrites`). A
 * pending blob's `createdAt` is its `uploadDate`.
 */
export class GridFsBlobStore implements BlobStore {
  private readonly client: MongoClient;
  private readonly bucket: GridFSBucket;
  private readonly files: Collection<BlobFile>;
  private readonly chunks: Collection<{ _id: ObjectId; files_id: string; n: number }>;
  private pendingIndex?: Promise<unknown>;

  /** The driver connects on the first operation. */
  constructor(options: GridFsBlobStoreOptions) {
    this.client = new MongoClient(options.url, options.clientOptions);
    const db = this.client.db(options.databaseName);
    const bucketName = options.bucketName ?? 'blobs';
    this.bucket = new GridFSBucket(db, { bucketName });
    this.files = db.collection<BlobFile>(`${bucketName}.files`);
    this.chunks = db.collection(`${bucketName}.chunks`);
  }

  async write(
    source: AsyncIterable<Uint8Array> | NodeJS.ReadableStream,
    options: BlobWriteOptions,
  ): Promise<BlobWriteResult> {
    const blobId = randomUUID();
    const upload = this.bucket.openUploadStreamWithId(blobId as never, blobId, {
      metadata: { pending: true, tenant: options.tenant, clientId: options.owner.clientId },
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

  async promote(blobId: string): Promise<void> {
    if (!isBlobId(blobId)) throw new BlobNotFoundError(blobId);
    const { matchedCount } = await this.files.updateOne(
      { _id: blobId, 'metadata.pending': true },
      { $unset: { 'metadata.pending': '' } },
    );
    // Promoted already (by the upload or the sweeper), or never written, or discarded.
    if (matchedCount === 0 && !(await this.find(blobId))) throw new BlobNotFoundError(blobId);
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

  async discardPending(blobId: string): Promise<boolean> {
    if (!isBlobId(blobId)) return false;
    // The condition makes this atomic against promote's update: a promoted blob is not matched.
    const { deletedCount } = await this.files.deleteOne({ _id: blobId, 'metadata.pending': true });
    if (deletedCount === 0) return false;
    await this.chunks.deleteMany({ files_id: blobId });
    return true;
  }

  async *listPending(olderThan: Date): AsyncIterable<PendingBlob> {
    // Only pending blobs are indexed: the sweep never scans the permanent ones.
    this.pendingIndex ??= this.files
      .createIndex(
        { 'metadata.pending': 1, uploadDate: 1 },
        { name: 'pending_by_upload_date', partialFilterExpression: { 'metadata.pending': true } },
      )
      .catch((error: unknown) => {
        this.pendingIndex = undefined;
        throw error;
      });
    await this.pendingIndex;
    const files = this.files.find(
      { 'metadata.pending': true, uploadDate: { $lt: olderThan } },
      { projection: { _id: 1, uploadDate: 1, metadata: 1 } },
    );
    for await (const file of files) {
      const { tenant, clientId } = file.metadata ?? {};
      // Written by this store, so always set; anything else is not ours to judge, and stays.
      if (typeof tenant !== 'string' || typeof clientId !== 'string') continue;
      yield { blobId: String(file._id), tenant, clientId, createdAt: file.uploadDate };
    }
  }

  async discardStaleWrites(olderThan: Date): Promise<number> {
    // Chunk ids are ObjectIds made by the driver as it writes each chunk: their time is when it was
    // written. Once per blob id (the bucket's files_id index), only those without a files document,
    // which GridFS writes after the last chunk: a write never completed, or a delete cut short.
    const unfinished = this.chunks.aggregate<{ _id: string }>(
      [
        { $sort: { files_id: 1 } },
        { $group: { _id: '$files_id' } },
        { $lookup: { from: this.files.collectionName, localField: '_id', foreignField: '_id', as: 'file' } },
        { $match: { file: { $size: 0 } } },
        { $project: { _id: 1 } },
      ],
      { allowDiskUse: true },
    );
    let discarded = 0;
    for await (const { _id: filesId } of unfinished) {
      // The last chunk written, not the first: an upload still receiving bytes, however long, is kept.
      const newest = await this.chunks.findOne(
        { files_id: filesId },
        { sort: { n: -1 }, projection: { _id: 1 } },
      );
      // An ObjectId's time is in whole seconds: a chunk may be up to a second younger than it says.
      if (!newest || newest._id.getTimestamp().getTime() + 1000 > olderThan.getTime()) continue;
      const { deletedCount } = await this.chunks.deleteMany({ files_id: filesId });
      if (deletedCount > 0) discarded++;
    }
    return discarded;
  }

  close(): Promise<void> {
    return this.client.close();
  }

  private async find(blobId: string): Promise<BlobFile | null> {
    if (!isBlobId(blobId)) return null;
    return this.files.findOne({ _id: blobId });
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
