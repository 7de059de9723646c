import { createRequire } from 'node:module';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestIdOf } from './metadata-headers';

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

/**
 * The Fastify that Nest's adapter runs (it may be a copy of its own, not the app's `fastify`): its
 * LogController class is the one Fastify's `instanceof` check accepts.
 */
export const nestFastify = createRequire(require.resolve('@nestjs/platform-fastify'))(
  'fastify',
) as typeof import('fastify');

/**
 * One access-log line per request, once it is answered: the request (redacted), its status and its
 * duration in milliseconds, under the request's correlationId; its arrival is logged at debug
 * level only. Fastify's default is both at info: at a few thousand requests a second, the arrival
 * line alone cost ~7 % of the CPU (BENCHMARKS.md, where the time goes).
 */
export class AccessLogController extends nestFastify.LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error) {
      reply.log.error(
        { req: request, res: reply, err: error, responseTime: reply.elapsedTime },
        'request errored',
      );
    } else {
      reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
    }
  }
}

/** A logger that makes child loggers (Fastify's, whichever copy of its types the caller sees). */
interface ChildLogging<Logger> {
  child(bindings: Record<string, unknown>, options?: object): Logger;
}

/**
 * How Fastify names each request: with the caller's id or a new one (requestIdOf), shown as
 * `correlationId` on every log line of the request, the name the events' metadata and the error
 * logs (ErrorResponseFilter) give it, so that one search finds all three. (Renamed in the child
 * logger: Fastify's `requestIdLogLabel` option is deprecated.)
 */
export const REQUEST_ID_OPTIONS = {
  genReqId: (request: { headers: Record<string, string | string[] | undefined> }) =>
    requestIdOf(request.headers),
  childLoggerFactory: <Logger extends ChildLogging<Logger>>(
    logger: Logger,
    { reqId }: { reqId?: unknown },
    options: object,
  ) => logger.child({ correlationId: reqId }, options),
};
