import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { decideRange, type RangeDecision } from './byte-range';

export interface SendableBlob {
  size: number;
  /** the bytes [start, end] inclusive, or all of them (BlobStore.read) */
  open: (range?: { start: number; end: number }) => Promise<NodeJS.ReadableStream>;
}

export interface SendBlobMeta {
  /** offered to the browser as the attachment's name (RFC 6266, with an RFC 8187 filename*) */
  fileName: string;
  /** default application/octet-stream */
  contentType?: string;
  /** the version's tag, e.g. its sha256 or blob id; quoted here when it is not already */
  etag: string;
}

/**
 * Answers a download, streamed from the blob: 200 with the whole body, 206 with Content-Range
 * for one satisfiable `Range: bytes=…`, 416 with the size in Content-Range when none of the
 * range exists. Resolves once the response is over: sent, or cut short by the client or by a
 * failing blob (which the client sees as a truncated body, the status being already sent). `If-Range` with another tag than the current one gets the whole body, so a
 * resumed download never mixes two versions. The body is an attachment that browsers may not
 * sniff: uploaded content is never rendered on the API's origin.
 */
export async function sendBlob(
  reply: FastifyReply,
  request: FastifyRequest,
  blob: SendableBlob,
  meta: SendBlobMeta,
  /** the range to send, when the caller decided it already (rangeToSend); by default decided here */
  range: RangeDecision = rangeToSend(request.headers, meta.etag, blob.size),
): Promise<void> {
  const etag = quotedTag(meta.etag);
  void reply.header('accept-ranges', 'bytes').header('etag', etag);

  if (range.kind === 'unsatisfiable') {
    void reply
      .status(416)
      .header('content-range', `bytes */${blob.size}`)
      .header('content-type', 'application/json; charset=utf-8')
      .send({ code: 'RANGE_NOT_SATISFIABLE', message: `The file has ${blob.size} bytes` });
    return responseOver(reply);
  }
  const partial = range.kind === 'partial';
  const body = await blob.open(partial ? { start: range.start, end: range.end } : undefined);
  void reply
    .status(partial ? 206 : 200)
    .header('content-type', meta.contentType ?? 'application/octet-stream')
    .header('content-disposition', contentDisposition(meta.fileName, { type: 'attachment' }))
    .header('x-content-type-options', 'nosniff')
    .header('content-length', partial ? range.end - range.start + 1 : blob.size);
  if (partial) void reply.header('content-range', `bytes ${range.start}-${range.end}/${blob.size}`);
  void reply.send(body);
  return responseOver(reply);
}

/**
 * Fastify answers again with an empty body when an async handler resolves before a streamed
 * response has started, so the handler waits for the end; an error past the headers cannot
 * become an error response any more, so it is not the caller's to handle.
 */
function responseOver(reply: FastifyReply): Promise<void> {
  return new Promise((resolve) => void reply.then(resolve, () => resolve()));
}

/**
 * The bytes a download sends, from its Range and If-Range headers: the one decision both sendBlob
 * and whoever records the download use, so that what is recorded is what is sent.
 */
export function rangeToSend(
  headers: { range?: string; 'if-range'?: string | string[] },
  etag: string,
  size: number,
): RangeDecision {
  const applies = ifRangeMatches(headers['if-range'], quotedTag(etag));
  return decideRange(applies ? headers.range : undefined, size);
}

const quotedTag = (etag: string) => (/^(W\/)?"/.test(etag) ? etag : `"${etag}"`);

/** No If-Range, or one naming the current strong tag: the Range applies (a date never matches: we send no Last-Modified). */
function ifRangeMatches(ifRange: string | string[] | undefined, etag: string): boolean {
  if (ifRange === undefined) return true;
  return typeof ifRange === 'string' && !etag.startsWith('W/') && ifRange.trim() === etag;
}
