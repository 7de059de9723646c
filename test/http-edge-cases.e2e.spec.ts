import { signToken } from '@dossiers/platform';
import { startStandalone, TEST_SECRET, type StandaloneHarness } from './support/standalone-app';

/** Edge cases found by review: each once answered wrongly (a replay across tenants, a lost key, a stuck name). */
describe('HTTP edge cases', () => {
  let h: StandaloneHarness;
  let auth: { Authorization: string };
  beforeAll(async () => {
    h = await startStandalone();
    auth = { Authorization: `Bearer ${await h.token('admin')}` };
  });
  afterAll(() => h.close());

  it('never replays another tenant’s Idempotency-Key response, however its ids are spelled', async () => {
    const a = await signToken(TEST_SECRET, { tenant: 'acme:x', sub: 'bob', role: 'admin' });
    const b = await signToken(TEST_SECRET, { tenant: 'acme', sub: 'x:bob', role: 'admin' });
    const body = { name: 'Same Name' };
    const first = await h
      .http()
      .post('/clients')
      .set({ Authorization: `Bearer ${a}` })
      .set('Idempotency-Key', 'k-1')
      .send(body);
    const second = await h
      .http()
      .post('/clients')
      .set({ Authorization: `Bearer ${b}` })
      .set('Idempotency-Key', 'k-1')
      .send(body);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).not.toBe(first.body.id);
    const listed = await h
      .http()
      .get('/clients')
      .set({ Authorization: `Bearer ${b}` })
      .set('X-Min-Position', String(second.body.position));
    expect(listed.body.total).toBe(1);
  });

  it('refuses If-Match on a creation (412) without holding the name', async () => {
    const refused = await h.http().post('/clients').set(auth).set('If-Match', '"0"').send({ name: 'Gamma' });
    expect(refused.status).toBe(412);
    expect((await h.http().post('/clients').set(auth).send({ name: 'Gamma' })).status).toBe(201);
  });

  it.each(['"0', 'W/"0"', '0'])('refuses the malformed or weak If-Match %p with 400', async (value) => {
    const c = await h
      .http()
      .post('/clients')
      .set(auth)
      .send({ name: `Delta ${value}` });
    const res = await h
      .http()
      .patch(`/clients/${c.body.id}`)
      .set(auth)
      .set('If-Match', value)
      .send({ name: 'Delta 2' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('If-Match');
  });

  it.each(['', '0x10', '1e3', '-1'])('refuses X-Min-Position %p with 400', async (value) => {
    const res = await h.http().get('/clients').set(auth).set('X-Min-Position', value);
    expect(res.status).toBe(400);
  });

  it('keeps attribute keys named like object methods', async () => {
    const attributes = { valueOf: 2, hasOwnProperty: 'y', toString: true, a: 1 };
    const res = await h.http().post('/clients').set(auth).send({ name: 'Acme', attributes });
    expect(res.status).toBe(201);
    const patched = await h
      .http()
      .patch(`/clients/${res.body.id}`)
      .set(auth)
      .send({ attributes: { isPrototypeOf: 'z', toString: null } });
    expect(patched.body.revision).toBe(1);
    const sheet = await h
      .http()
      .get(`/clients/${res.body.id}`)
      .set(auth)
      .set('X-Min-Position', String(patched.body.position));
    expect(sheet.body.attributes).toEqual({ valueOf: 2, hasOwnProperty: 'y', isPrototypeOf: 'z', a: 1 });
  });

  it('refuses reserved key names (which the framework would strip) instead of dropping them', async () => {
    const res = await h
      .http()
      .post('/clients')
      .set(auth)
      .set('content-type', 'application/json')
      .send('{"name":"Proto","attributes":{"constructor":"c"}}');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'attributes.constructor', message: 'is a reserved key name' }]);
  });
});
