import type { FastifyInstance } from 'fastify';

/**
 * What closing the app (SIGTERM) does to HTTP, before the stores close: the listener stops
 * accepting connections; a request already received runs to its end, and its connection is closed
 * after the response (keep-alive or not); a request arriving meanwhile on a kept-alive connection
 * gets 503 SHUTTING_DOWN without running (retry it elsewhere: nothing was done). Connections still
 * open `timeoutMs` after the close began are destroyed, the requests on them cut: the bound.
 * (Fastify's own 503 is turned off, return503OnClosing: false, for the shared error shape.)
 */
export function drainOnClose(instance: FastifyInstance, timeoutMs: number): void {
  let closing = false;
  instance.addHook('preClose', async () => {
    closing = true;
    const timer = setTimeout(() => instance.server.closeAllConnections(), timeoutMs).unref();
    instance.server.once('close', () => clearTimeout(timer));
  });
  instance.addHook('onRequest', async (_request, reply) => {
    if (closing)
      return reply
        .status(503)
        .header('retry-after', '1')
        .send({ code: 'SHUTTING_DOWN', message: 'The server is shutting down; retry the request' });
  });
  instance.addHook('onSend', async (_request, reply) => {
    if (closing) void reply.header('connection', 'close');
  });
}
