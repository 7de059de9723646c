import { ConsoleLogger, Module, type LogLevel, type Type } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { loadConfig, type AppConfig } from '../config/app-config';
import { InfrastructureModule } from '../infrastructure/infrastructure.module';
import { HealthController } from '../health/health.controller';
import { AuthGuard } from '../auth/auth.guard';
import { TokenVerifier } from '../auth/token-verifier';
import { ErrorResponseFilter } from './error-response.filter';
import { createValidationPipe } from './validation.pipe';
import { AccessLogController, REQUEST_ID_OPTIONS, requestLoggerOptions } from './request-log';
import { acceptsFileUpload } from './files/file-upload.decorator';
import { registerFileUploads } from './files/register-file-uploads';
import { registerJsonBodyParser } from './json-body';
import { registerHttpMetrics } from '../metrics/http-metrics';
import { METRICS_REGISTRY } from '../metrics/metrics-registry';
import { clientErrorHandler, frameworkErrorHandler } from './client-error';
import { CORRELATION_HEADER, metadataHeaderErrors, REQUEST_ID_HEADER } from './metadata-headers';
import { RateLimiter, RateLimitGuard } from './rate-limit';
import { createRateLimitStorage } from '../infrastructure/rate-limit-storage';
import { drainOnClose } from './drain-on-close';
import { enableGracefulShutdown } from '../lifecycle/graceful-shutdown';
import { ErrorBodySchema } from './api-responses';
import {
  applyBearerRequirements,
  BEARER_SCHEME,
  closeObjectSchemas,
  describeErrors,
} from './openapi-document';
import { describeValidationRules } from './openapi-validation-rules';

const LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  debug: ['debug', 'log', 'warn', 'error', 'fatal'],
  info: ['log', 'warn', 'error', 'fatal'],
  warn: ['warn', 'error', 'fatal'],
  error: ['error', 'fatal'],
};

export function jsonLogger(config: Pick<AppConfig, 'logLevel'>) {
  return new ConsoleLogger({ json: true, logLevels: LEVELS[config.logLevel] });
}

export interface HttpAppOptions {
  title: string;
  /** false in tests: request logs would drown the output */
  requestLogs?: boolean;
}

/**
 * Every HTTP app is built here, so the standalone process, the separate APIs and the e2e tests run
 * the same wiring: Fastify, JSON logs carrying the correlation id, auth, validation, error mapping,
 * OpenAPI at /docs. Command and query controllers add their own interceptors (endpoint.decorators.ts).
 */
export async function createHttpApp(
  rootModule: Type,
  config: AppConfig,
  options: HttpAppOptions,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.maxBodyBytes,
    // Fastify answers 414 past 100 characters by default; an activation token in the path is ~250.
    routerOptions: { maxParamLength: 1000 },
    // The caller's X-Correlation-Id or X-Request-Id, or a new id: it names the request in logs and in
    // every event it causes. A malformed X-Correlation-Id is refused (400) by the onRequest hook below.
    ...REQUEST_ID_OPTIONS,
    // drainOnClose answers requests arriving during the shutdown itself, in the shared error shape.
    return503OnClosing: false,
    clientErrorHandler,
    // (cast: Nest and this lib see two copies of the Fastify types)
    frameworkErrors: frameworkErrorHandler as never,
    logger: options.requestLogs === false ? false : requestLoggerOptions(config.logLevel),
    // One line per request, when it is answered.
    logController: new AccessLogController() as never,
  });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    logger: jsonLogger(config),
    bufferLogs: false,
    // The JSON parser is ours (registerJsonBodyParser: depth-limited); Nest would add its own.
    bodyParser: false,
  });
  // Streamed file uploads (receiveSingleFile); outside bodyLimit, bounded by MAX_UPLOAD_MB instead.
  await registerFileUploads(app.getHttpAdapter().getInstance() as never, config.maxUploadBytes);
  registerJsonBodyParser(app.getHttpAdapter().getInstance() as never);
  drainOnClose(app.getHttpAdapter().getInstance() as never, config.shutdownTimeoutMs);
  // Request durations, and GET /metrics here when it has no port of its own (docs/operations.md).
  registerHttpMetrics(
    app.getHttpAdapter().getInstance() as never,
    app.get(METRICS_REGISTRY, { strict: false }),
    config.metrics,
  );
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      void reply.header(REQUEST_ID_HEADER, request.id).header(CORRELATION_HEADER, request.id);
    })
    // Commands take JSON only: a form or text body would otherwise reach the DTOs as strings.
    // A @FileUpload() route takes multipart/form-data only.
    .addHook('onRequest', async (request, reply) => {
      const errors = metadataHeaderErrors(request.headers);
      if (errors.length > 0) {
        return reply.status(400).send({ code: 'VALIDATION', message: 'The request is invalid', errors });
      }
      const hasBody =
        Number(request.headers['content-length'] ?? 0) > 0 ||
        request.headers['transfer-encoding'] !== undefined;
      const type = request.headers['content-type'] ?? '';
      const upload = acceptsFileUpload(request);
      const expected = upload ? /^multipart\/form-data\b/i : /^application\/json\b/i;
      if (hasBody && !expected.test(type)) {
        await reply.status(415).send({
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: upload ? 'Send the file as multipart/form-data' : 'Send the body as application/json',
        });
      }
    });
  // Nest's validation strips these keys (prototype pollution) before any DTO sees them: refuse them
  // instead, so that nothing a caller wrote is silently dropped.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preHandler', async (request, reply) => {
      const field = reservedKeyIn(request.body);
      if (field) {
        await reply.status(400).send({
          code: 'VALIDATION',
          message: 'The request is invalid',
          errors: [{ field, message: 'is a reserved key name' }],
        });
      }
    });
  // Per principal and per tenant, so after the AuthGuard; its storage ends with the HTTP server.
  const rateLimits = await createRateLimitStorage(config.redisUrl);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onClose', () => rateLimits.close());
  app.useGlobalGuards(
    new AuthGuard(app.get(Reflector), app.get(TokenVerifier)),
    new RateLimitGuard(new RateLimiter(rateLimits.storage, config.rateLimits)),
  );
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorResponseFilter());
  enableGracefulShutdown(app, config.shutdownTimeoutMs);
  setupOpenApi(app, options.title);
  return app;
}

function setupOpenApi(app: NestFastifyApplication, title: string) {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(title)
      .setDescription(
        'Commands answer {id, revision, position} with an ETag; send If-Match for optimistic concurrency, ' +
          'Idempotency-Key to make a retry safe, and X-Min-Position on queries to read your own writes.',
      )
      .addBearerAuth(undefined, BEARER_SCHEME)
      .build(),
    { extraModels: [ErrorBodySchema] },
  );
  // The bearer requirement where the AuthGuard wants a token (not on @Public() routes), the error
  // shape on every error response (and 400/500 on all), and closed object schemas where the server accepts or answers
  // nothing else (openapi-document.ts).
  applyBearerRequirements(app, document);
  describeValidationRules(app, document);
  describeErrors(document);
  closeObjectSchemas(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
}

/**
 * Entry point of a separate API process: the feature module on the production wiring, on its
 * port. A configuration problem ends the process with its message.
 */
export function runHttpApp(title: string, featureModule: Type, port: (config: AppConfig) => number): void {
  const start = async () => {
    const config = loadConfig();
    @Module({
      imports: [InfrastructureModule.forRoot(config), featureModule],
      controllers: [HealthController],
    })
    class AppModule {}
    const app = await createHttpApp(AppModule, config, { title });
    await app.listen(port(config), '0.0.0.0');
  };
  start().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of the first reserved key in a parsed JSON body, if any. */
function reservedKeyIn(value: unknown, path = ''): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (RESERVED_KEYS.has(key)) return field;
    const nested = reservedKeyIn(child, field);
    if (nested) return nested;
  }
  return undefined;
}
