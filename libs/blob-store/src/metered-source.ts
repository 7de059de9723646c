import { createHash } from 'node:crypto';
import { BlobTooLargeError } from './blob-store.port';

export interface Meter {
  size: number;
  sha256: () => string;
}

/**
 * Passes the source's chunks through while counting and hashing them, and fails as soon as the
 * count passes `maxBytes`: the adapters write what it yields and clean up when it throws.
 */
export function meterSource(
  source: AsyncIterable<Uint8Array | string> | NodeJS.ReadableStream,
  maxBytes: number,
): { chunks: AsyncIterable<Buffer>; meter: Meter } {
  const hash = createHash('sha256');
  const meter: Meter = { size: 0, sha256: () => hash.digest('hex') };
  async function* chunks() {
    for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
      const bytes =
        typeof chunk === 'string'
          ? Buffer.from(chunk)
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      meter.size += bytes.length;
      if (meter.size > maxBytes) throw new BlobTooLargeError(maxBytes);
      hash.update(bytes);
      yield bytes;
    }
  }
  return { chunks: chunks(), meter };
}

/**
 * Stops a source the store gave up on before reading it to the end (a disk or database failure):
 * an upload request would otherwise wait for someone to read the rest of its body.
 */
export function abandon(source: unknown): void {
  const stream = source as { destroy?: () => void; destroyed?: boolean };
  if (typeof stream.destroy === 'function' && !stream.destroyed) stream.destroy();
}
