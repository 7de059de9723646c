import { Readable } from 'node:stream';

export type FormPart =
  | { name: string; value: string }
  | { name: string; filename: string; content: Buffer | AsyncIterable<Buffer>; contentType?: string };

/**
 * A multipart/form-data body as a stream, for tests that upload files too large to build in
 * memory. `unterminated` leaves out the closing boundary, as a client that stops midway would.
 */
export function multipartBody(
  parts: FormPart[],
  options: { unterminated?: boolean } = {},
): { contentType: string; body: Readable } {
  const boundary = `----test-boundary-${Math.random().toString(16).slice(2)}`;
  async function* chunks() {
    for (const part of parts) {
      if ('value' in part) {
        yield Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`,
        );
        continue;
      }
      yield Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\n` +
          `Content-Type: ${part.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      );
      if (Buffer.isBuffer(part.content)) yield part.content;
      else yield* part.content;
      yield Buffer.from('\r\n');
    }
    if (!options.unterminated) yield Buffer.from(`--${boundary}--\r\n`);
  }
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: Readable.from(chunks(), { objectMode: false }),
  };
}
