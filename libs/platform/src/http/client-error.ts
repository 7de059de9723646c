import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply } from 'fastify';
import { CORRELATION_HEADER, REQUEST_ID_HEADER } from './metadata-headers';

/**
 * Requests Node's HTTP parser refuses before any route sees them (a header block or URL over
 * Node's limit, a malformed request line): answered in the API's error shape `{code, message}`,
 * then the connection is ended cleanly (the response is flushed before the FIN), since the rest of
 * what the client sent cannot be parsed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE', 'The request line and headers exceed the allowed size']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT', 'The request was not received in time']
        : [400, 'BAD_REQUEST', 'The request is not valid HTTP'];
  const body = JSON.stringify({ code, message });
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  } else {
    socket.destroy();
  }
}

/**
 * Requests Fastify's router refuses before any route or filter sees them: a path that is not valid
 * percent-encoded UTF-8 (400), a path parameter over the router's length limit (414). Answered in
 * the API's error shape rather than Fastify's own, with the request's id like every other answer
 * (the onSend hook that adds it elsewhere does not run for these).
 */
export function frameworkErrorHandler(
  error: FastifyError,
  request: { id: string },
  reply: FastifyReply,
): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  void reply
    .code(tooLong ? 414 : 400)
    .header(REQUEST_ID_HEADER, request.id)
    .header(CORRELATION_HEADER, request.id)
    .send(
      tooLong
        ? { code: 'URI_TOO_LONG', message: 'A path parameter is longer than allowed' }
        : { code: 'BAD_URL', message: 'The path is not valid percent-encoded UTF-8' },
    );
}
