import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Registry } from 'prom-client';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { METRICS_REGISTRY } from './metrics-registry';
import { METRICS_PATH, metricsEndpoint, metricsNotFound, type MetricsAnswer } from './metrics-endpoint';

/**
 * The listener of METRICS_PORT, in every app (those without HTTP included): GET /metrics only,
 * behind METRICS_TOKEN when it is set too. A bare node:http server: nothing of the API's
 * pipeline (auth, validation, request logs) concerns a scraper.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('metrics');
  private server?: Server;

  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap() {
    const { port, token } = this.config.metrics;
    if (port === undefined && token === undefined)
      this.logger.log({ message: 'GET /metrics not served: set METRICS_PORT and/or METRICS_TOKEN' });
    if (port === undefined) return;
    const answer = metricsEndpoint(this.registry, token);
    const server = createServer((request, response) => {
      const path = request.url?.split('?', 1)[0];
      if (request.method !== 'GET' || path !== METRICS_PATH) return send(response, metricsNotFound());
      answer(request.headers.authorization).then(
        (result) => send(response, result),
        (error: unknown) => {
          this.logger.error({ message: 'metrics collection failed', err: String(error) });
          send(response, {
            status: 500,
            headers: { 'content-type': 'application/json; charset=utf-8' },
            body: JSON.stringify({ code: 'INTERNAL', message: 'Internal error' }),
          });
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '0.0.0.0', () => resolve());
    });
    this.server = server;
    this.logger.log({ message: `metrics on http://0.0.0.0:${this.port()}${METRICS_PATH}` });
  }

  /** The port listened on (the one asked for, or the one the system chose for 0), if listening. */
  port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationShutdown() {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    // A scrape in progress is not worth holding the shutdown for.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function send(response: ServerResponse<IncomingMessage>, { status, headers, body }: MetricsAnswer): void {
  response.writeHead(status, headers).end(body);
}
