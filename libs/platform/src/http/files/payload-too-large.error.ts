/**
 * An uploaded file past the limit (MAX_UPLOAD_MB): 413 PAYLOAD_TOO_LARGE. Not a domain error,
 * as the domain never sees the bytes; the error filter maps it, and BlobTooLargeError, to 413.
 */
export class PayloadTooLargeError extends Error {
  readonly statusCode = 413;

  constructor(readonly maxBytes: number) {
    super(`The file is larger than the limit of ${formatBytes(maxBytes)}`);
    this.name = 'PayloadTooLargeError';
  }
}

function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return Number.isInteger(mib) ? `${mib} MB` : `${bytes} bytes`;
}
