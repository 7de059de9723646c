import { resolve } from 'node:path';
import type { ConnectorDefinition } from '@dossiers/domain';
import {
  EVENTSTORE_URL_SCHEMES,
  connectionStringProblem,
  toEsdbConnectionString,
} from '@dossiers/event-store';
import { loadConnectorCatalog } from './connector-catalog-file';
import type { TokenLimits } from '../auth/token-verifier';

/**
 * The whole configuration, read once from the environment and validated at start: a missing or
 * malformed variable stops the process with a message naming it. With no engine URL set,
 * everything runs embedded under DATA_DIR.
 */
export interface AppConfig {
  /** standalone: the one port; command-api / query-api use their own below */
  port: number;
  commandApiPort: number;
  queryApiPort: number;
  dataDir: string;
  eventStoreUrl?: string;
  mongoUrl?: string;
  mongoDb: string;
  redisUrl?: string;
  auth: { secret?: string; jwksUrl?: string; issuer?: string; audience?: string; limits: TokenLimits };
  /** FULL: the event store is the source of truth, so an fsync per commit is the default */
  sqliteSynchronous: 'FULL' | 'NORMAL';
  maxBodyBytes: number;
  /** MAX_UPLOAD_MB in bytes: a larger uploaded file gets 413 (uploads stream, outside maxBodyBytes) */
  maxUploadBytes: number;
  /**
   * The orphan-blob sweep (command API): every `intervalMinutes`, pending blobs older than
   * `graceMinutes` are promoted when their client's stream names them and deleted otherwise.
   */
  blobSweep: { intervalMinutes: number; graceMinutes: number };
  /** events per projector transaction: larger batches rebuild faster, smaller ones show up sooner */
  projectorBatchSize: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /**
   * SHUTDOWN_TIMEOUT_MS: on SIGTERM/SIGINT, how long requests in flight may take to finish before
   * their connections are closed; the rest of the shutdown (projector batch, workers, stores) gets
   * as long again, then the process exits 1.
   */
  shutdownTimeoutMs: number;
  rateLimits: RateLimitConfig;
  /** the connectors firms can set up: CONNECTOR_CATALOG_FILE's, or the default catalog */
  connectorCatalog: ConnectorDefinition[];
  /** base64 of the 32-byte key that encrypts secrets in events; unset: generated into DATA_DIR */
  secretsKey?: string;
  mail: MailConfig;
  reminders: RemindersConfig;
  metrics: MetricsConfig;
  readiness: ReadinessConfig;
}

/**
 * Where GET /metrics is served: on METRICS_PORT (its own listener, every app), and/or behind
 * METRICS_TOKEN (a bearer token; on the main port when no METRICS_PORT is set). Neither: not served.
 */
export interface MetricsConfig {
  port?: number;
  token?: string;
}

/** GET /ready answers 503 while the read models lag further than this (the apps that serve reads). */
export interface ReadinessConfig {
  maxLagEvents: number;
  maxLagSeconds: number;
}

/** The reminder schedulers: embedded without REDIS_URL, BullMQ (apps/reminder-worker) with it. */
export interface RemindersConfig {
  /** REMINDER_QUEUE: the BullMQ queue's name (several deployments may share a Redis) */
  queueName: string;
  /** occurrences due within this many minutes (and every overdue one) are enqueued as delayed jobs */
  horizonMinutes: number;
  /** jobs one worker process runs at once */
  workerConcurrency: number;
}

/**
 * Requests each principal (tenant + subject of the token) and each tenant (all its principals) may
 * make per window, counted in Redis when REDIS_URL is set (shared by every process), in memory
 * otherwise; 0 = no limit. `service` tokens are counted only when `perServiceToken` is set, on
 * their own, outside their tenant's count.
 */
export interface RateLimitConfig {
  windowSeconds: number;
  perPrincipal: number;
  perTenant: number;
  perServiceToken: number;
  /** the Redis keys' prefix (several deployments may share a Redis) */
  keyPrefix: string;
}

/** Outgoing email (activation links). */
export interface MailConfig {
  /** smtp:// or smtps:// URL of the relay; unset: mails go to the embedded outbox (GET /outbox) */
  smtpUrl?: string;
  from: string;
  /** the base URL the links in emails point to */
  publicUrl: string;
  activationTtlHours: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const text = (name: string) => (env[name]?.trim() ? env[name]!.trim() : undefined);

  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
    }
    return value;
  };

  // The message ends up in logs: a password in the URL (SMTP_URL, MONGO_URL...) is not repeated there.
  const withoutPassword = (raw: string) => raw.replace(/^([^/]*\/\/[^/@:]*:)[^/@]*@/, '$1***@');

  const url = (name: string, schemes: string[]) => {
    const raw = text(name);
    if (raw === undefined) return undefined;
    const shown = withoutPassword(raw);
    try {
      const scheme = new URL(raw).protocol.replace(/:$/, '');
      if (!schemes.includes(scheme))
        problems.push(
          `${name} must start with ${schemes.map((s) => `${s}://`).join(' or ')} (got "${shown}")`,
        );
    } catch {
      problems.push(`${name} is not a valid URL (got "${shown}")`);
    }
    return raw;
  };

  // The client's own parser judges (a WHATWG URL refuses its cluster form, host1:2113,host2:2113);
  // a KurrentDB scheme is renamed to the one it parses.
  const eventStoreUrl = (name: string) => {
    const raw = text(name);
    if (raw === undefined) return undefined;
    const problem = connectionStringProblem(raw);
    if (problem !== undefined)
      problems.push(
        `${name} must be a connection string starting with ${EVENTSTORE_URL_SCHEMES.map((s) => `${s}://`).join(' or ')}: ${problem} (got "${withoutPassword(raw)}")`,
      );
    return toEsdbConnectionString(raw);
  };

  const oneOf = <T extends string>(name: string, values: readonly T[], fallback: T): T => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = (name === 'SQLITE_SYNCHRONOUS' ? raw.toUpperCase() : raw.toLowerCase()) as T;
    if (!values.includes(value)) problems.push(`${name} must be one of ${values.join(', ')} (got "${raw}")`);
    return value;
  };

  const catalog = (name: string) => {
    const file = text(name);
    try {
      return loadConnectorCatalog(file);
    } catch (error) {
      const source = file === undefined ? 'the default connector catalog' : `${name} "${file}"`;
      problems.push(`${source}: ${(error as Error).message}`);
      return [];
    }
  };

  const secret = text('AUTH_SECRET');
  if (secret !== undefined && secret.length < 32)
    problems.push('AUTH_SECRET must be at least 32 characters (HS256 key)');

  const secretsKey = text('SECRETS_KEY');
  if (secretsKey !== undefined && !isBase64Key(secretsKey))
    problems.push('SECRETS_KEY must be the base64 of 32 bytes (openssl rand -base64 32)');

  const metricsToken = text('METRICS_TOKEN');
  if (metricsToken !== undefined && metricsToken.length < 16)
    problems.push('METRICS_TOKEN must be at least 16 characters');

  const port = int('PORT', 3000, 1, 65535);
  const config: AppConfig = {
    port,
    commandApiPort: int('COMMAND_API_PORT', 3001, 1, 65535),
    queryApiPort: int('QUERY_API_PORT', 3002, 1, 65535),
    dataDir: resolve(text('DATA_DIR') ?? './data'),
    eventStoreUrl: eventStoreUrl('EVENTSTORE_URL'),
    mongoUrl: url('MONGO_URL', ['mongodb', 'mongodb+srv']),
    mongoDb: text('MONGO_DB') ?? 'dossiers',
    redisUrl: url('REDIS_URL', ['redis', 'rediss']),
    auth: {
      secret,
      jwksUrl: url('AUTH_JWKS_URL', ['https', 'http']),
      issuer: text('AUTH_ISSUER'),
      audience: text('AUTH_AUDIENCE'),
      limits: {
        maxLifetimeSeconds: {
          user: int('AUTH_MAX_TOKEN_HOURS', 24, 1, 24 * 30) * 3600,
          service: int('AUTH_MAX_SERVICE_TOKEN_HOURS', 24 * 30, 1, 24 * 365) * 3600,
        },
        clockSkewSeconds: int('AUTH_CLOCK_SKEW_SECONDS', 60, 0, 600),
      },
    },
    sqliteSynchronous: oneOf('SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'] as const, 'FULL'),
    maxBodyBytes: int('MAX_BODY_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    maxUploadBytes: int('MAX_UPLOAD_MB', 100, 1, 10240) * 1024 * 1024,
    blobSweep: {
      intervalMinutes: int('BLOB_SWEEP_MINUTES', 60, 1, 7 * 24 * 60),
      // Far beyond any request: an upload appends its event seconds after its blob is complete.
      graceMinutes: int('BLOB_SWEEP_GRACE_MINUTES', 15, 5, 7 * 24 * 60),
    },
    projectorBatchSize: int('PROJECTOR_BATCH_SIZE', 1000, 1, 100_000),
    logLevel: oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    rateLimits: {
      windowSeconds: int('RATE_LIMIT_WINDOW_SECONDS', 60, 1, 3600),
      perPrincipal: int('RATE_LIMIT_PER_PRINCIPAL', 1200, 0, 10_000_000),
      perTenant: int('RATE_LIMIT_PER_TENANT', 6000, 0, 10_000_000),
      perServiceToken: int('RATE_LIMIT_PER_SERVICE_TOKEN', 0, 0, 10_000_000),
      keyPrefix: text('RATE_LIMIT_KEY_PREFIX') ?? 'dossiers:rate-limit',
    },
    connectorCatalog: catalog('CONNECTOR_CATALOG_FILE'),
    secretsKey,
    mail: {
      smtpUrl: url('SMTP_URL', ['smtp', 'smtps']),
      from: text('MAIL_FROM') ?? 'Dossiers <no-reply@dossiers.local>',
      publicUrl: (url('PUBLIC_URL', ['https', 'http']) ?? `http://localhost:${port}`).replace(/\/+$/, ''),
      activationTtlHours: int('ACTIVATION_TTL_HOURS', 168, 1, 24 * 365),
    },
    reminders: {
      queueName: queueName(text('REMINDER_QUEUE') ?? 'dossiers-due-work', problems),
      horizonMinutes: int('REMINDER_HORIZON_MINUTES', 10, 1, 24 * 60),
      workerConcurrency: int('REMINDER_WORKER_CONCURRENCY', 16, 1, 256),
    },
    metrics: {
      port: text('METRICS_PORT') === undefined ? undefined : int('METRICS_PORT', 0, 1, 65535),
      token: metricsToken,
    },
    readiness: {
      maxLagEvents: int('READY_MAX_LAG_EVENTS', 1000, 1, 100_000),
      maxLagSeconds: int('READY_MAX_LAG_SECONDS', 60, 1, 24 * 3600),
    },
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** BullMQ refuses ':' in a queue name (its key separator). */
function queueName(value: string, problems: string[]): string {
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(value))
    problems.push(`REMINDER_QUEUE must be 1-100 letters, digits, '.', '_' or '-' (got "${value}")`);
  return value;
}

function isBase64Key(value: string): boolean {
  return /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, 'base64').length === 32;
}
