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

export interface BlobStore {
  /**
   * Streams `source` into a new blob. Rejects with BlobTooLargeError past `maxBytes` (a blob of
   * exactly maxBytes is accepted), and with the source's own error if it fails or is aborted; in
   * every failure nothing is left behind.
   */
  write(
    source: AsyncIterable<Uint8Array> | NodeJS.ReadableStream,
    options: { maxBytes: number; tenant: string },
  ): Promise<BlobWriteResult>;
  /**
   * The bytes [start, end] (inclusive; an end past the blob stops at its last byte), or the whole
   * blob without a range. An unknown id rejects with BlobNotFoundError.
   */
  read(blobId: string, range?: ByteRange): Promise<NodeJS.ReadableStream>;
  /** The blob's size in bytes, or null when there is no such blob. */
  size(blobId: string): Promise<number | null>;
  /** Idempotent: deleting a missing blob does nothing. */
  delete(blobId: string): Promise<void>;
  /** Ids of the blobs written before `olderThan`, for the orphan sweeper. */
  list(olderThan: Date): AsyncIterable<string>;
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
