import { signToken } from '@dossiers/platform';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from '@dossiers/idempotency';
import { TEST_SECRET, useStandalone } from './support/standalone-app';

/** Edge cases found by review: each once answered wrongly (a replay across tenants, a lost key, a stuck name). */
describe('HTTP edge cases', () => {
  const suite = useStandalone();

  it('never replays another tenant’s Idempotency-Key response, however its ids are spelled', async () => {
    const a = await signToken(TEST_SECRET, { tenant: 'acme:x', sub: 'bob', role: 'admin' });
    const b = await signToken(TEST_SECRET, { tenant: 'acme', sub: 'x:bob', role: 'admin' });
    const body = { name: 'Same Name' };
    const first = await suite.h
      .http()
      .post('/clients')
      .set({ Authorization: `Bearer ${a}` })
      .set('Idempotency-Key', 'k-1')
      .send(body);
    const second = await suite.h
      .http()
      .post('/clients')
      .set({ Authorization: `Bearer ${b}` })
      .set('Idempotency-Key', 'k-1')
      .send(body);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).not.toBe(first.body.id);
    const listed = await suite.h
      .http()
      .get('/clients')
      .set({ Authorization: `Bearer ${b}` })
      .set('X-Min-Position', String(second.body.position));
    expect(listed.body.total).toBe(1);
  });

  it('refuses If-Match on a creation (412) without holding the name', async () => {
    const refused = await suite.h
      .http()
      .post('/clients')
      .set(suite.auth)
      .set('If-Match', '"0"')
      .send({ name: 'Gamma' });
    expect(refused.status).toBe(412);
    expect((await suite.h.http().post('/clients').set(suite.auth).send({ name: 'Gamma' })).status).toBe(201);
  });

  it.each(['"0', 'W/"0"', '0'])('refuses the malformed or weak If-Match %p with 400', async (value) => {
    const c = await suite.h
      .http()
      .post('/clients')
      .set(suite.auth)
      .send({ name: `Delta ${value}` });
    const res = await suite.h
      .http()
      .patch(`/clients/${c.body.id}`)
      .set(suite.auth)
      .set('If-Match', value)
      .send({ name: 'Delta 2' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('If-Match');
  });

  it.each(['', '0x10', '1e3', '-1'])('refuses X-Min-Position %p with 400', async (value) => {
    const res = await suite.h.http().get('/clients').set(suite.auth).set('X-Min-Position', value);
    expect(res.status).toBe(400);
  });

  it('answers a read-your-writes query with what it waited (Server-Timing)', async () => {
    const created = await suite.h.http().post('/clients').set(suite.auth).send({ name: 'Lecture immédiate' });
    const read = await suite.h
      .http()
      .get(`/clients/${created.body.id}`)
      .set(suite.auth)
      .set('X-Min-Position', String(created.body.position));
    expect(read.status).toBe(200);
    expect(read.body.name).toBe('Lecture immédiate');
    expect(read.headers['server-timing']).toMatch(/^min-position;dur=\d+\.\d$/);
    const plain = await suite.h.http().get(`/clients/${created.body.id}`).set(suite.auth);
    expect(plain.headers['server-timing']).toBeUndefined();
  });

  it('keeps attribute keys named like object methods', async () => {
    const attributes = { valueOf: 2, hasOwnProperty: 'y', toString: true, a: 1 };
    const res = await suite.h.http().post('/clients').set(suite.auth).send({ name: 'Acme', attributes });
    expect(res.status).toBe(201);
    const patched = await suite.h
      .http()
      .patch(`/clients/${res.body.id}`)
      .set(suite.auth)
      .send({ attributes: { isPrototypeOf: 'z', toString: null } });
    expect(patched.body.revision).toBe(1);
    const sheet = await suite.h
      .http()
      .get(`/clients/${res.body.id}`)
      .set(suite.auth)
      .set('X-Min-Position', String(patched.body.position));
    expect(sheet.body.attributes).toEqual({ valueOf: 2, hasOwnProperty: 'y', isPrototypeOf: 'z', a: 1 });
  });

  it('refuses reserved key names (which the framework would strip) instead of dropping them', async () => {
    const res = await suite.h
      .http()
      .post('/clients')
      .set(suite.auth)
      .set('content-type', 'application/json')
      .send('{"name":"Proto","attributes":{"constructor":"c"}}');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'attributes.constructor', message: 'is a reserved key name' }]);
  });

  it('applies a request whose Idempotency-Key is reused after its record expired, rather than answering 200 with nothing stored', async () => {
    const client = await suite.h.http().post('/clients').set(suite.auth).send({ name: 'Expiry Co' });
    const patch = (value: string) =>
      suite.h
        .http()
        .patch(`/clients/${client.body.id}`)
        .set(suite.auth)
        .set('Idempotency-Key', 'expiring-key')
        .send({ attributes: { e: value } });
    const first = await patch('1');
    expect(first.body.revision).toBe(1);
    // 24 hours later the key's record is gone (what the store answers then):
    const store = suite.h.app.get<IdempotencyStore>(IDEMPOTENCY_STORE);
    jest.spyOn(store, 'find').mockResolvedValueOnce(null);
    jest.spyOn(store, 'save').mockImplementationOnce(async (_scope, _key, response) => response);
    const second = await patch('2');
    expect([second.status, second.body.revision]).toEqual([200, 2]);
    const sheet = await suite.h
      .http()
      .get(`/clients/${client.body.id}`)
      .set(suite.auth)
      .set('X-Min-Position', String(second.body.position));
    expect(sheet.body.attributes.e).toBe('2');
  });
});
