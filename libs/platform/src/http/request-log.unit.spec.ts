import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { redactUrl, requestLoggerOptions } from './request-log';

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
    const app = Fastify({ logger: { ...requestLoggerOptions('info'), stream } });
    app.post('/activations/:token', async () => ({}));
    app.get('/activate', async () => ({}));
    await app.inject({ method: 'POST', url: '/activations/eyJzZWNyZXQ.c2lnbmF0dXJl' });
    await app.inject({ method: 'GET', url: '/activate?token=eyJzZWNyZXQ.c2lnbmF0dXJl' });
    await app.close();

    expect(written).toContain('/activations/[REDACTED]');
    expect(written).toContain('/activate?token=[REDACTED]');
    expect(written).not.toContain('eyJzZWNyZXQ');
  });
});
