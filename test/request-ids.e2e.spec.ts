import { useStandalone } from './support/standalone-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids over HTTP', () => {
  const suite = useStandalone();

  /** Creates a client with the headers; its response and the correlation id its event carries. */
  async function create(headers: Record<string, string>) {
    const res = await suite.h
      .http()
      .post('/clients')
      .set(suite.auth)
      .set(headers)
      .send({ name: `Client ${Math.random()}` });
    expect(res.status).toBe(201);
    const history = await suite.h.http().get(`/clients/${res.body.id}/history`).set(suite.auth);
    return { res, correlationId: history.body.events[0].metadata.correlationId as string };
  }

  it('takes a well-formed X-Request-Id as the id returned and stored in the events', async () => {
    const { res, correlationId } = await create({ 'X-Request-Id': 'lb-4f2c:7.a_b' });
    expect(res.headers['x-request-id']).toBe('lb-4f2c:7.a_b');
    expect(res.headers['x-correlation-id']).toBe('lb-4f2c:7.a_b');
    expect(correlationId).toBe('lb-4f2c:7.a_b');
  });

  it('replaces a malformed or missing X-Request-Id with a new id, returned and stored alike', async () => {
    const malformedOrNone: Record<string, string>[] = [
      { 'X-Request-Id': 'not well formed!' },
      { 'X-Request-Id': 'x'.repeat(101) },
      {},
    ];
    for (const headers of malformedOrNone) {
      const { res, correlationId } = await create(headers);
      expect(res.headers['x-request-id']).toMatch(UUID);
      expect(correlationId).toBe(res.headers['x-request-id']);
    }
  });

  it('keeps one id when X-Correlation-Id is sent too: the correlation id the caller chose', async () => {
    const { res, correlationId } = await create({ 'X-Correlation-Id': 'flow-9', 'X-Request-Id': 'proxy-1' });
    expect([res.headers['x-request-id'], res.headers['x-correlation-id'], correlationId]).toEqual([
      'flow-9',
      'flow-9',
      'flow-9',
    ]);
  });

  it('returns the id on errors too, without a token or with a bad body', async () => {
    const unauthenticated = await suite.h.http().get('/clients').set({ 'X-Request-Id': 'req-401' });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers['x-request-id']).toBe('req-401');
    const invalid = await suite.h
      .http()
      .post('/clients')
      .set(suite.auth)
      .set({ 'X-Request-Id': 'req-400' })
      .send({ name: 42 });
    expect(invalid.status).toBe(400);
    expect(invalid.headers['x-request-id']).toBe('req-400');
  });
});
