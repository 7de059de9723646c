import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { MetricsConfig } from '../config/app-config';
import { METRICS_PATH, metricsEndpoint } from './metrics-endpoint';
import { metricsServed } from './metrics-registry';
import { RequestDurations } from './request-durations';

/** The route label of a request no route matched (404): never its URL, whose ids would make a series each. */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * The request duration histogram of an HTTP app, and GET /metrics on its main port when it is
 * not served on a port of its own (METRICS_TOKEN without METRICS_PORT). Nothing when metrics are
 * not served.
 */
export function registerHttpMetrics(instance: FastifyInstance, registry: Registry, config: MetricsConfig) {
  if (!metricsServed(config)) return;
  const durations = new RequestDurations(registry);
  // onResponse, callback style: no promise per request. Fastify times the reply itself
  // (reply.elapsedTime, from its monotonic clock); the observation is all a request costs.
  instance.addHook('onResponse', (request, reply, done) => {
    durations.observe(
      request.method,
      request.routeOptions.url ?? UNMATCHED_ROUTE,
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    done();
  });
  if (config.port === undefined) {
    const answer = metricsEndpoint(registry, config.token);
    instance.get(METRICS_PATH, async (request, reply) => {
      const { status, headers, body } = await answer(request.headers.authorization);
      return reply.status(status).headers(headers).send(body);
    });
  }
}
