import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('runs everything embedded when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      mongoDb: 'dossiers',
      sqliteSynchronous: 'FULL',
      logLevel: 'info',
    });
    expect(config.eventStoreUrl ?? config.mongoUrl ?? config.redisUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it('reads the production engines', () => {
    const config = loadConfig({
      EVENTSTORE_URL: 'esdb://eventstore:2113?tls=false',
      MONGO_URL: 'mongodb://mongo:27017/?replicaSet=rs0',
      REDIS_URL: 'redis://redis:6379',
    });
    expect(config.eventStoreUrl).toBe('esdb://eventstore:2113?tls=false');
    expect(config.mongoUrl).toContain('replicaSet=rs0');
    expect(config.redisUrl).toBe('redis://redis:6379');
  });

  it('names every malformed variable at once', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({
        PORT: 'eighty',
        MONGO_URL: 'http://x',
        REDIS_URL: '::',
        AUTH_SECRET: 'short',
        LOG_LEVEL: 'loud',
      });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems).toHaveLength(5);
    expect(error!.message).toMatch(/PORT must be an integer/);
    expect(error!.message).toMatch(/MONGO_URL must start with mongodb:\/\//);
    expect(error!.message).toMatch(/REDIS_URL is not a valid URL/);
    expect(error!.message).toMatch(/AUTH_SECRET must be at least 32/);
    expect(error!.message).toMatch(/LOG_LEVEL must be one of/);
  });
});
