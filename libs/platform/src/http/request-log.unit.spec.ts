import { Writable } from 'node:stream';
import {
  AccessLogController,
  nestFastify as Fastify,
  redactUrl,
  REQUEST_ID_OPTIONS,
  requestLoggerOptions,
} from './request-log';

describe('request logs', () => {
  it('never show an activation token, in the path or in a link', () => {
    expect(redactUrl('/activations/eyJ0ZW5hbnQ.c2lnbmF0dXJl')).toBe('/activations/[REDACTED]');
    expect(redactUrl('/activations/abc.def?x=1')).toBe('/activations/[REDACTED]?x=1');
    expect(redactUrl('/activate?lang=fr&token=eyJ0.c2ln&x=1')).toBe('/activate?lang=fr&token=[REDACTED]&x=1');
    expect(redactUrl('/clients?search=token')).toBe('/clients?search=token');
  });

  it('are written with the redacting serializer by the logger every HTTP app uses', async () => {
    let written = '';
    const stream = new Writable({
      write(chunk, _encoding, done) {
        written += String(chunk);
        done();
      },
    });
    const app = Fastify({
      logger: { ...requestLoggerOptions('info'), stream },
      logController: new AccessLogController(),
    });
    app.post('/activations/:token', async () => ({}));
    app.get('/activate', async () => ({}));
    await app.inject({ method: 'POST', url: '/activations/eyJzZWNyZXQ.c2lnbmF0dXJl' });
    await app.inject({ method: 'GET', url: '/activate?token=eyJzZWNyZXQ.c2lnbmF0dXJl' });
    await app.close();

    expect(written).toContain('/activations/[REDACTED]');
    expect(written).toContain('/activate?token=[REDACTED]');
    expect(written).not.toContain('eyJzZWNyZXQ');
  });

  it("carry the request's id as correlationId: the caller's X-Request-Id, or a new one", async () => {
    const lines: { correlationId?: string; msg?: string }[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(
          ...String(chunk)
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line)),
        );
        done();
      },
    });
    const app = Fastify({
      logger: { ...requestLoggerOptions('info'), stream },
      logController: new AccessLogController(),
      ...REQUEST_ID_OPTIONS,
    });
    app.get('/clients', async (request) => ({ id: request.id }));
    const given = await app.inject({ method: 'GET', url: '/clients', headers: { 'x-request-id': 'lb-42' } });
    const malformed = await app.inject({
      method: 'GET',
      url: '/clients',
      headers: { 'x-request-id': 'a b' },
    });
    await app.close();

    expect(given.json()).toEqual({ id: 'lb-42' });
    const generated = malformed.json<{ id: string }>().id;
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const correlationsOf = (id: string) =>
      lines.filter((line) => line.correlationId === id).map((l) => l.msg);
    expect(correlationsOf('lb-42')).toEqual(['request completed']);
    expect(correlationsOf(generated)).toEqual(['request completed']);
  });

  it('are one line per request, with its method, redacted URL, status and duration', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).trim().split('\n')) lines.push(JSON.parse(line));
        done();
      },
    });
    const app = Fastify({
      logger: { ...requestLoggerOptions('info'), stream },
      logController: new AccessLogController(),
    });
    app.get('/clients/:id', async (request, reply) => reply.status(404).send({ code: 'NOT_FOUND' }));
    await app.inject({ method: 'GET', url: '/clients/c-1?token=secret' });
    await app.close();

    const requests = lines.filter((line) => line.req !== undefined);
    expect(requests).toEqual([
      expect.objectContaining({
        msg: 'request completed',
        req: expect.objectContaining({ method: 'GET', url: '/clients/c-1?token=[REDACTED]' }),
        res: { statusCode: 404 },
        responseTime: expect.any(Number),
      }),
    ]);
  });
});
