import { Readable } from 'node:stream';
import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { ValidationError } from '@dossiers/domain';
import { PayloadTooLargeError } from './payload-too-large.error';

export interface ReceivedFile {
  /** as sent: pass it through checkFileName */
  filename: string;
  /** as sent by the client, unchecked */
  mimetype: string;
  /**
   * the file's bytes, to consume (BlobStore.write) or leave: refusing the request without reading
   * it is fine, the rest of the upload is read and dropped once the response is sent
   * (registerFileUploads)
   */
  stream: Readable;
  /** the form's text fields sent before the file; those sent after it arrive once `stream` ends */
  fields: Record<string, string>;
}

/**
 * The one file of a multipart/form-data request (a route marked @FileUpload()), streamed: nothing
 * is buffered beyond the stream's own window. 400 naming `file` when there is no file part.
 *
 * The request is only known to be valid once its body has been read to the end, so `stream`
 * ends only then, and fails instead of ending when the rest is wrong: with PayloadTooLargeError
 * (413) as soon as the file passes `maxBytes` (without reading the rest of the upload), with a
 * ValidationError naming `file` when a second file follows, with the client's abort. Whoever
 * consumes it (BlobStore.write) then stores nothing.
 */
export async function receiveSingleFile(
  request: FastifyRequest,
  options: { maxBytes: number },
): Promise<ReceivedFile> {
  if (!request.isMultipart()) throw fileError('is required, as multipart/form-data');
  if (!hasValidBoundary(request.headers['content-type'] ?? ''))
    throw fileError('must be sent as multipart/form-data with a boundary of 1-70 characters (RFC 2046)');
  const parts = request.parts({ limits: { fileSize: options.maxBytes, files: 1 } });
  const fields: Record<string, string> = {};
  for (;;) {
    const next = await parts.next().catch(translateLimitError);
    if (next.done) throw fileError('is required');
    const part = next.value;
    if (part.type === 'field') {
      addField(fields, part);
      continue;
    }
    return {
      filename: part.filename,
      mimetype: part.mimetype,
      stream: guardedFileStream(part, parts, fields, options.maxBytes),
      fields,
    };
  }
}

function guardedFileStream(
  part: MultipartFile,
  parts: AsyncIterator<Multipart>,
  fields: Record<string, string>,
  maxBytes: number,
): Readable {
  const file = part.file;
  async function* bytes() {
    for await (const chunk of file) {
      // busboy marks the file truncated as it hits the limit; stop there rather than read the rest.
      if (file.truncated) throw new PayloadTooLargeError(maxBytes);
      yield chunk as Buffer;
    }
    if (file.truncated) throw new PayloadTooLargeError(maxBytes);
    for (;;) {
      const next = await parts.next().catch(translateLimitError);
      if (next.done) return;
      if (next.value.type === 'file') throw fileError('must be a single file');
      addField(fields, next.value);
    }
  }
  const stream = Readable.from(guardParseErrors(bytes()), { objectMode: false });
  // A consumer that gives up (or never starts) must release the upload, or busboy would wait.
  stream.once('close', () => {
    if (!file.readableEnded && !file.destroyed) file.destroy();
  });
  return stream;
}

/**
 * busboy reports a body that ends before its closing boundary (or is otherwise not multipart)
 * with a plain Error, which would answer 500: it is the client's bad request.
 */
async function* guardParseErrors(chunks: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* chunks;
  } catch (error) {
    if (
      typeof (error as { statusCode?: unknown }).statusCode === 'number' ||
      error instanceof ValidationError
    )
      throw error;
    throw fileError('is incomplete: the multipart body ended before its closing boundary');
  }
}

function addField(fields: Record<string, string>, part: Multipart & { type: 'field' }) {
  fields[part.fieldname] = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
}

function fileError(message: string): ValidationError {
  return new ValidationError([{ field: 'file', message }]);
}

/**
 * @fastify/multipart says "reach files limit" (413) for a second file: that is a bad request, and
 * so is anything busboy cannot parse (it throws plain errors, which would answer 500).
 */
function translateLimitError(error: unknown): never {
  if ((error as { code?: string })?.code === 'FST_FILES_LIMIT') throw fileError('must be a single file');
  if (typeof (error as { statusCode?: unknown })?.statusCode === 'number') throw error;
  throw fileError('is not well-formed multipart/form-data');
}

/** RFC 2046's boundary: 1-70 characters of a small set, not ending in a space, quoted or not. */
const BOUNDARY_CHARS = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

function hasValidBoundary(contentType: string): boolean {
  const match = /;\s*boundary=("([^"]*)"|[^;\s]*)/i.exec(contentType);
  if (!match) return false;
  const boundary = match[2] ?? match[1];
  return BOUNDARY_CHARS.test(boundary);
}
