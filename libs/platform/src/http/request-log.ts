/**
 * A URL as request logs may show it: an activation link's token (POST /activations/:token, or the
 * `token` parameter of the link itself, which lands here when PUBLIC_URL points at this server) lets
 * whoever holds it choose the contact's password, so it never reaches a log line.
 */
export function redactUrl(url: string): string {
  return url
    .replace(/(\/activations\/)[^/?#]+/gi, '$1[REDACTED]')
    .replace(/([?&]token=)[^&#]*/gi, '$1[REDACTED]');
}

/** The fields of a request that its log line shows (a FastifyRequest has them all). */
interface LoggedRequest {
  method: string;
  url: string;
  host: string;
  ip: string;
  socket?: { remotePort?: number };
}

/** Fastify's request logger: its default fields for a request, with the URL redacted. */
export function requestLoggerOptions(level: string) {
  return {
    level,
    serializers: {
      req: (request: LoggedRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
  };
}
