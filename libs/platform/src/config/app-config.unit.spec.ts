import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('runs everything embedded when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      mongoDb: 'dossiers',
      sqliteSynchronous: 'FULL',
      logLevel: 'info',
      maxUploadBytes: 100 * 1024 * 1024,
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

  // The 6.x client parses only esdb:// and esdb+discover://: what passes here is what it connects with.
  it.each([
    ['kurrentdb://admin:changeit@kurrentdb:2113?tls=false', 'esdb://admin:changeit@kurrentdb:2113?tls=false'],
    ['kurrent+discover://cluster.internal:2113', 'esdb+discover://cluster.internal:2113'],
    [
      'esdb://node1:2113,node2:2113,node3:2113?tls=false',
      'esdb://node1:2113,node2:2113,node3:2113?tls=false',
    ],
  ])('takes EVENTSTORE_URL %s as the client will: %s', (given, used) => {
    expect(loadConfig({ EVENTSTORE_URL: given }).eventStoreUrl).toBe(used);
  });

  it.each([
    'http://eventstore:2113',
    'esdb://eventstore:port',
    'esdb://eventstore:2113?tls=yes',
    'kurrentdb://eventstore:2113?tlsCAFile=/nonexistent/ca.crt',
  ])('refuses EVENTSTORE_URL %s, which the client would not connect with', (url) => {
    expect(() => loadConfig({ EVENTSTORE_URL: url })).toThrow(
      /EVENTSTORE_URL must be a connection string starting with esdb:\/\/ or esdb\+discover:\/\/ or kurrentdb:\/\//,
    );
  });

  it('does not repeat the password of a refused EVENTSTORE_URL', () => {
    const refusal = () => loadConfig({ EVENTSTORE_URL: 'esdb://admin:s3cret@eventstore:port' });
    expect(refusal).toThrow(/got "esdb:\/\/admin:\*\*\*@eventstore:port"/);
    expect(refusal).not.toThrow(/s3cret/);
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

  it('sends mail to the embedded outbox by default, with links to the local server', () => {
    const config = loadConfig({ PORT: '4000' });
    expect(config.secretsKey).toBeUndefined();
    expect(config.mail).toEqual({
      smtpUrl: undefined,
      from: 'Dossiers <no-reply@dossiers.local>',
      publicUrl: 'http://localhost:4000',
      activationTtlHours: 168,
    });
  });

  it('reads the mail settings and the secrets key', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const config = loadConfig({
      SECRETS_KEY: key,
      SMTP_URL: 'smtps://user:pass@mail.example.com:465',
      MAIL_FROM: 'Cabinet <hello@example.com>',
      PUBLIC_URL: 'https://portal.example.com/',
      ACTIVATION_TTL_HOURS: '48',
    });
    expect(config.secretsKey).toBe(key);
    expect(config.mail).toEqual({
      smtpUrl: 'smtps://user:pass@mail.example.com:465',
      from: 'Cabinet <hello@example.com>',
      publicUrl: 'https://portal.example.com',
      activationTtlHours: 48,
    });
  });

  it('refuses a malformed secrets key and mail settings', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({
        SECRETS_KEY: Buffer.alloc(16).toString('base64'),
        SMTP_URL: 'http://user:s3cret-pass@mail',
        PUBLIC_URL: 'portal',
        ACTIVATION_TTL_HOURS: '0',
      });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error!.problems).toHaveLength(4);
    expect(error!.message).toMatch(/SECRETS_KEY must be the base64 of 32 bytes/);
    expect(error!.message).toMatch(/SMTP_URL must start with smtp:\/\/ or smtps:\/\//);
    expect(error!.message).toContain('"http://user:***@mail"');
    expect(error!.message).not.toContain('s3cret-pass');
    expect(error!.message).toMatch(/PUBLIC_URL is not a valid URL/);
    expect(error!.message).toMatch(/ACTIVATION_TTL_HOURS must be an integer/);
  });

  it('reads the upload limit in megabytes, from 1 to 10240', () => {
    expect(loadConfig({ MAX_UPLOAD_MB: '1' }).maxUploadBytes).toBe(1024 * 1024);
    expect(loadConfig({ MAX_UPLOAD_MB: '10240' }).maxUploadBytes).toBe(10240 * 1024 * 1024);
    for (const value of ['0', '10241', '1.5', 'lots'])
      expect(() => loadConfig({ MAX_UPLOAD_MB: value })).toThrow(
        /MAX_UPLOAD_MB must be an integer between 1 and 10240/,
      );
  });
});
