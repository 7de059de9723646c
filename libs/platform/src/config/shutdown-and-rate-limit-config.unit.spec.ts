import { ConfigError, loadConfig } from './app-config';

describe('shutdown and rate-limit configuration', () => {
  it('defaults to limits an internal app ships with, service tokens unlimited, 10 s to drain', () => {
    const config = loadConfig({});
    expect(config.shutdownTimeoutMs).toBe(10_000);
    expect(config.rateLimits).toEqual({
      windowSeconds: 60,
      perPrincipal: 1200,
      perTenant: 6000,
      perServiceToken: 0,
      keyPrefix: 'dossiers:rate-limit',
    });
  });

  it('reads each variable, 0 turning a limit off', () => {
    const config = loadConfig({
      SHUTDOWN_TIMEOUT_MS: '2500',
      RATE_LIMIT_WINDOW_SECONDS: '10',
      RATE_LIMIT_PER_PRINCIPAL: '0',
      RATE_LIMIT_PER_TENANT: '0',
      RATE_LIMIT_PER_SERVICE_TOKEN: '50',
      RATE_LIMIT_KEY_PREFIX: 'staging:rl',
    });
    expect(config.shutdownTimeoutMs).toBe(2500);
    expect(config.rateLimits).toEqual({
      windowSeconds: 10,
      perPrincipal: 0,
      perTenant: 0,
      perServiceToken: 50,
      keyPrefix: 'staging:rl',
    });
  });

  it.each([
    ['SHUTDOWN_TIMEOUT_MS', '-1'],
    ['SHUTDOWN_TIMEOUT_MS', '10s'],
    ['RATE_LIMIT_WINDOW_SECONDS', '0'],
    ['RATE_LIMIT_PER_PRINCIPAL', 'many'],
    ['RATE_LIMIT_PER_TENANT', '1.5'],
    ['RATE_LIMIT_PER_SERVICE_TOKEN', '-3'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
