import { resolve } from 'node:path';

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
  auth: { secret?: string; jwksUrl?: string; issuer?: string; audience?: string };
  /** FULL: the event store is the source of truth, so an fsync per commit is the default */
  sqliteSynchronous: 'FULL' | 'NORMAL';
  maxBodyBytes: number;
  /** events per projector transaction: larger batches rebuild faster, smaller ones show up sooner */
  projectorBatchSize: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
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

  const url = (name: string, schemes: string[]) => {
    const raw = text(name);
    if (raw === undefined) return undefined;
    try {
      const scheme = new URL(raw).protocol.replace(/:$/, '');
      if (!schemes.includes(scheme))
        problems.push(`${name} must start with ${schemes.map((s) => `${s}://`).join(' or ')} (got "${raw}")`);
    } catch {
      problems.push(`${name} is not a valid URL (got "${raw}")`);
    }
    return raw;
  };

  const oneOf = <T extends string>(name: string, values: readonly T[], fallback: T): T => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = (name === 'SQLITE_SYNCHRONOUS' ? raw.toUpperCase() : raw.toLowerCase()) as T;
    if (!values.includes(value)) problems.push(`${name} must be one of ${values.join(', ')} (got "${raw}")`);
    return value;
  };

  const secret = text('AUTH_SECRET');
  if (secret !== undefined && secret.length < 32)
    problems.push('AUTH_SECRET must be at least 32 characters (HS256 key)');

  const config: AppConfig = {
    port: int('PORT', 3000, 1, 65535),
    commandApiPort: int('COMMAND_API_PORT', 3001, 1, 65535),
    queryApiPort: int('QUERY_API_PORT', 3002, 1, 65535),
    dataDir: resolve(text('DATA_DIR') ?? './data'),
    eventStoreUrl: url('EVENTSTORE_URL', [
      'esdb',
      'esdb+discover',
      'kurrentdb',
      'kurrentdb+discover',
      'kurrent',
      'kurrent+discover',
    ]),
    mongoUrl: url('MONGO_URL', ['mongodb', 'mongodb+srv']),
    mongoDb: text('MONGO_DB') ?? 'dossiers',
    redisUrl: url('REDIS_URL', ['redis', 'rediss']),
    auth: {
      secret,
      jwksUrl: url('AUTH_JWKS_URL', ['https', 'http']),
      issuer: text('AUTH_ISSUER'),
      audience: text('AUTH_AUDIENCE'),
    },
    sqliteSynchronous: oneOf('SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'] as const, 'FULL'),
    maxBodyBytes: int('MAX_BODY_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    projectorBatchSize: int('PROJECTOR_BATCH_SIZE', 1000, 1, 100_000),
    logLevel: oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
