import { Counter, Registry } from 'prom-client';
import { metricsEndpoint, metricsNotFound } from './metrics-endpoint';

describe('metricsEndpoint', () => {
  const registry = new Registry();
  new Counter({ name: 'probe_total', help: 'a probe', registers: [registry] }).inc(3);

  it('serves the registry as Prometheus text when no token is set', async () => {
    const answer = await metricsEndpoint(registry, undefined)(undefined);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe(registry.contentType);
    expect(answer.body).toContain('probe_total 3');
  });

  it('wants exactly the token as a bearer token when one is set', async () => {
    const answer = metricsEndpoint(registry, 'the-scrape-token-1234');
    expect((await answer('Bearer the-scrape-token-1234')).status).toBe(200);
    expect((await answer('bearer the-scrape-token-1234')).status).toBe(200);
    for (const refused of [
      undefined,
      '',
      'the-scrape-token-1234',
      'Basic the-scrape-token-1234',
      'Bearer the-scrape-token-123',
      'Bearer the-scrape-token-12345',
      ['Bearer the-scrape-token-1234'],
    ]) {
      const result = await answer(refused);
      expect(result.status).toBe(401);
      expect(result.headers['www-authenticate']).toBe('Bearer');
      expect(JSON.parse(result.body)).toEqual({ code: 'UNAUTHENTICATED', message: expect.any(String) });
      expect(result.body).not.toContain('probe_total');
    }
  });

  it('answers other paths with the error shape', () => {
    const answer = metricsNotFound();
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body)).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
  });
});
