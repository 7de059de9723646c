/**
 * Where the bytes of uploaded files live. File metadata (name, size, sha256, versions) is
 * event-sourced; a blob is only the content, addressed by an id the store generates. Bytes are
 * streamed both ways, never held whole in memory.
 */
export interface BlobWriteResult {
  blobId: string;
  size: number;
  /** hex, computed while streaming */
  sha256: string;
}

/** Inclusive byte positions, as in an HTTP Range: {start: 0, end: 0} is the first byte. */
export interface ByteRange {
  start: number;
  end: number;
}

/** Whose upload wrote a blob: the client whose stream the upload appends its event to. */
export interface BlobOwner {
  clientId: string;
}

export interface BlobWriteOptions {
  maxBytes: number;
  tenant: string;
  owner: BlobOwner;
}

/** A blob written but not yet promoted: the sweeper decides its fate from the owner's stream. */
export interface PendingBlob {
  blobId: string;
  tenant: string;
  clientId: string;
  /** when the blob was complete (its bytes all written) */
  createdAt: Date;
}

/**
 * A blob is written **pending** and made permanent by `promote` once an event names it. A process
 * that dies between the two leaves a pending blob, never a permanent orphan: the orphan sweeper
 * (`listPending`) promotes it when the owner's stream names it and deletes it otherwise.
 */
export interface BlobStore {
  /**
   * Streams `source` into a new pending blob, owned by `owner`. Rejects with BlobTooLargeError
   * past `maxBytes` (a blob of exactly maxBytes is accepted), and with the source's own error if it
   * fails or is aborted; in every failure nothing is left behind.
   */
  write(
    source: AsyncIterable<Uint8Array> | NodeJS.ReadableStream,
    options: BlobWriteOptions,
  ): Promise<BlobWriteResult>;
  /**
   * Makes a pending blob permanent. Idempotent: promoting a permanent blob does nothing. Rejects
   * with BlobNotFoundError when there is no such blob, pending or permanent.
   */
  promote(blobId: string): Promise<void>;
  /**
   * The bytes [start, end] (inclusive; an end past the blob stops at its last byte), or the whole
   * blob without a range, pending or permanent. An unknown id rejects with BlobNotFoundError.
   */
  read(blobId: string, range?: ByteRange): Promise<NodeJS.ReadableStream>;
  /** The blob's size in bytes, pending or permanent, or null when there is no such blob. */
  size(blobId: string): Promise<number | null>;
  /** Deletes the blob, pending or permanent. Idempotent: deleting a missing blob does nothing. */
  delete(blobId: string): Promise<void>;
  /**
   * Deletes the blob only while it is still pending, atomically against `promote`: a blob promoted
   * meanwhile is kept. Answers whether a pending blob was deleted. The sweeper's delete.
   */
  discardPending(blobId: string): Promise<boolean>;
  /** The pending blobs complete before `olderThan`, with their owners, for the orphan sweeper. */
  listPending(olderThan: Date): AsyncIterable<PendingBlob>;
  /**
   * Deletes the partial bytes of writes that never completed (their process was killed while
   * receiving them) and that received nothing since before `olderThan`; answers how many writes
   * were discarded. Never touches a complete blob, pending or permanent, nor a write that wrote a
   * byte since `olderThan`. The orphan sweeper's other half: nothing else names those bytes.
   */
  discardStaleWrites(olderThan: Date): Promise<number>;
  close(): Promise<void>;
}

export const BLOB_STORE = Symbol('BLOB_STORE');

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The content is larger than ${maxBytes} bytes`);
    this.name = 'BlobTooLargeError';
  }
}

export class BlobNotFoundError extends Error {
  constructor(readonly blobId: string) {
    super(`Blob ${blobId} not found`);
    this.name = 'BlobNotFoundError';
  }
}

const BLOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Blob ids are lower-case uuids: anything else (a path, `..`) names no blob. */
export function isBlobId(value: string): boolean {
  return BLOB_ID.test(value);
}

export function checkByteRange(range: ByteRange): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start)
    throw new RangeError(`Invalid byte range ${start}-${end}`);
}
