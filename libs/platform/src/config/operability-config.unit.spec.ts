import { loadConfig } from './app-config';

describe('loadConfig: metrics and readiness', () => {
  it('serves no metrics and allows 1000 events / 60 s of projector lag by default', () => {
    const config = loadConfig({});
    expect(config.metrics).toEqual({ port: undefined, token: undefined });
    expect(config.readiness).toEqual({ maxLagEvents: 1000, maxLagSeconds: 60 });
  });

  it('reads METRICS_PORT, METRICS_TOKEN and the lag limits', () => {
    const config = loadConfig({
      METRICS_PORT: '9464',
      METRICS_TOKEN: ' a-token-of-16-chars ',
      READY_MAX_LAG_EVENTS: '50',
      READY_MAX_LAG_SECONDS: '5',
    });
    expect(config.metrics).toEqual({ port: 9464, token: 'a-token-of-16-chars' });
    expect(config.readiness).toEqual({ maxLagEvents: 50, maxLagSeconds: 5 });
  });

  it('names each malformed value', () => {
    const attempt = (env: Record<string, string>) => () => loadConfig(env);
    expect(attempt({ METRICS_PORT: '0' })).toThrow(/METRICS_PORT must be an integer between 1 and 65535/);
    expect(attempt({ METRICS_PORT: 'http' })).toThrow(/METRICS_PORT must be an integer/);
    expect(attempt({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 16 characters/);
    expect(attempt({ READY_MAX_LAG_EVENTS: '0' })).toThrow(
      /READY_MAX_LAG_EVENTS must be an integer between 1/,
    );
    expect(attempt({ READY_MAX_LAG_SECONDS: '1.5' })).toThrow(/READY_MAX_LAG_SECONDS must be an integer/);
  });
});
