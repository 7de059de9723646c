import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { signToken } from '@dossiers/platform';
import { startStandalone, type StandaloneHarness } from './support/standalone-app';

describe('clients over HTTP (standalone, embedded default)', () => {
  let h: StandaloneHarness;
  let admin: string;
  let auth: { Authorization: string };

  beforeAll(async () => {
    h = await startStandalone();
    admin = await h.token('admin');
    auth = { Authorization: `Bearer ${admin}` };
  });
  afterAll(() => h.close());

  const create = (body: object, headers: Record<string, string> = {}) =>
    h.http().post('/clients').set(auth).set(headers).send(body);
  const list = (query = '', position?: number) =>
    h
      .http()
      .get(`/clients${query}`)
      .set(auth)
      .set(position ? { 'X-Min-Position': String(position) } : {});
  const history = (id: string) => h.http().get(`/clients/${id}/history`).set(auth);

  it('creates a client and lists it once projected (read-your-writes)', async () => {
    const res = await create({
      name: '  Société Générale ',
      attributes: { siren: '552120222', since: '1864-05-04', employees: 117000, listed: true },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), revision: 0, position: expect.any(Number) });
    expect(res.headers.etag).toBe('"0"');

    const found = await list('?search=societe', res.body.position);
    expect(found.status).toBe(200);
    expect(found.body.total).toBe(1);
    expect(found.body.items[0]).toEqual({
      id: res.body.id,
      name: 'Société Générale',
      groupId: null,
      groupName: null,
      membersCount: 0,
      directoriesCount: 0,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });

    const sheet = await h
      .http()
      .get(`/clients/${res.body.id}`)
      .set(auth)
      .set('X-Min-Position', String(res.body.position));
    expect(sheet.status).toBe(200);
    expect(sheet.headers.etag).toBe('"0"');
    expect(sheet.body.attributes).toEqual({
      siren: '552120222',
      since: '1864-05-04',
      employees: 117000,
      listed: true,
    });
  });

  it('sorts, pages and filters by group, with the group name', async () => {
    const group = await h.http().post('/groups').set(auth).send({ name: 'BNC' });
    expect(group.status).toBe(201);
    const names = ['Zèbre SARL', 'alpha conseil', 'Écurie du Lac', 'Beta'];
    let position = 0;
    for (const name of names) position = (await create({ name, groupId: group.body.id })).body.position;

    const byName = await list(`?groupId=${group.body.id}&sort=name&pageSize=2&page=1`, position);
    expect(byName.body.total).toBe(4);
    expect(byName.body.items.map((c: { name: string }) => c.name)).toEqual(['alpha conseil', 'Beta']);
    expect(byName.body.items[0].groupName).toBe('BNC');
    const page2 = await list(`?groupId=${group.body.id}&sort=name&pageSize=2&page=2`);
    expect(page2.body.items.map((c: { name: string }) => c.name)).toEqual(['Écurie du Lac', 'Zèbre SARL']);
    const newest = await list(`?groupId=${group.body.id}&sort=-createdAt&pageSize=1`);
    expect(newest.body.items[0].name).toBe('Beta');

    const groups = await h.http().get('/groups').set(auth).set('X-Min-Position', String(position));
    expect(groups.body.items).toEqual([{ id: group.body.id, name: 'BNC', createdAt: expect.any(String) }]);
  });

  it('counts the firm’s clients, deleted ones excluded, whatever the page', async () => {
    const firm = { Authorization: `Bearer ${await h.token('admin', `count-${randomUUID()}`)}` };
    const ids: string[] = [];
    for (const name of ['Un', 'Deux', 'Trois'])
      ids.push((await h.http().post('/clients').set(firm).send({ name })).body.id);
    const deleted = await h.http().delete(`/clients/${ids[1]}`).set(firm);
    const page = await h
      .http()
      .get('/clients?pageSize=1&page=2')
      .set(firm)
      .set('X-Min-Position', String(deleted.body.position));
    expect(page.body.total).toBe(2);
    expect(page.body.items.map((c: { name: string }) => c.name)).toEqual(['Un']);
    const search = await h.http().get('/clients?search=TROIS&pageSize=1').set(firm);
    expect(search.body).toMatchObject({ total: 1, items: [{ name: 'Trois' }] });
    const beyond = await h.http().get('/clients?search=t&page=9&pageSize=1').set(firm);
    expect(beyond.body).toEqual({ total: 1, items: [] });
    const beyondAll = await h.http().get('/clients?page=9&pageSize=1').set(firm);
    expect(beyondAll.body).toEqual({ total: 2, items: [] });
  });

  it('refuses a group that does not exist', async () => {
    const res = await create({ name: 'Orphan', groupId: randomUUID() });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'groupId', step: 'info' })]);
    const patched = await h
      .http()
      .patch(`/clients/${(await create({ name: 'Grouped' })).body.id}`)
      .set(auth)
      .send({ groupId: randomUUID() });
    expect(patched.status).toBe(400);
    expect(patched.body.errors).toEqual([expect.objectContaining({ field: 'groupId' })]);
  });

  it('keeps names unique per firm, whatever the case or accents, and frees them on delete', async () => {
    const first = await create({ name: 'Boulangerie Dupré' });
    expect(first.status).toBe(201);
    const clash = await create({ name: 'BOULANGERIE  DUPRE' });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('CLIENT_NAME_TAKEN');

    const otherFirm = await h
      .http()
      .post('/clients')
      .set({ Authorization: `Bearer ${await h.token('admin', 'another-firm')}` })
      .send({ name: 'Boulangerie Dupré' });
    expect(otherFirm.status).toBe(201);

    const deleted = await h.http().delete(`/clients/${first.body.id}`).set(auth);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id: first.body.id, revision: 1, position: expect.any(Number) });
    expect(deleted.headers.etag).toBe('"1"');
    expect((await create({ name: 'Boulangerie Dupré' })).status).toBe(201);

    const gone = await h
      .http()
      .get(`/clients/${first.body.id}`)
      .set(auth)
      .set('X-Min-Position', String(deleted.body.position));
    expect(gone.status).toBe(404);
  });

  it('renames, changes attributes, and refuses a rename onto a taken name', async () => {
    const a = (await create({ name: 'Garage Martin', attributes: { city: 'Lyon', old: 1 } })).body;
    await create({ name: 'Garage Petit' });
    const renamed = await h
      .http()
      .patch(`/clients/${a.id}`)
      .set(auth)
      .send({ name: 'Garage Martin & Fils', attributes: { city: 'Paris', old: null } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.revision).toBe(2);
    const taken = await h.http().patch(`/clients/${a.id}`).set(auth).send({ name: 'garage petit' });
    expect(taken.status).toBe(409);
    // the old name is free again
    expect((await create({ name: 'Garage Martin' })).status).toBe(201);
    const sheet = await h
      .http()
      .get(`/clients/${a.id}`)
      .set(auth)
      .set('X-Min-Position', String(renamed.body.position));
    expect(sheet.body).toMatchObject({ name: 'Garage Martin & Fils', attributes: { city: 'Paris' } });
  });

  it('lets only one of many clients take a name at the same moment', async () => {
    const contenders = await Promise.all(
      ['Rival 1', 'Rival 2', 'Rival 3', 'Rival 4'].map((name) => create({ name })),
    );
    const renames = await Promise.all(
      contenders.map((c) =>
        h.http().patch(`/clients/${c.body.id}`).set(auth).send({ name: 'Le Nom Convoité' }),
      ),
    );
    expect(renames.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const creates = await Promise.all([1, 2, 3].map(() => create({ name: 'le nom convoite' })));
    expect(creates.map((r) => r.status)).toEqual([409, 409, 409]);
  });

  it('applies If-Match: 412 on a stale revision, nothing appended', async () => {
    const c = (await create({ name: 'Optimiste' })).body;
    const ok = await h
      .http()
      .patch(`/clients/${c.id}`)
      .set(auth)
      .set('If-Match', '"0"')
      .send({ attributes: { a: 1 } });
    expect(ok.status).toBe(200);
    const stale = await h
      .http()
      .patch(`/clients/${c.id}`)
      .set(auth)
      .set('If-Match', '"0"')
      .send({ attributes: { a: 2 } });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    expect((await history(c.id)).body.events).toHaveLength(2);
  });

  it('20 concurrent renames with the same If-Match: exactly one wins, the rest get 412, no event lost or doubled', async () => {
    const c = (await create({ name: 'Course' })).body;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h
          .http()
          .patch(`/clients/${c.id}`)
          .set(auth)
          .set('If-Match', '"0"')
          .send({ name: `Course ${i}` }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const winner = responses.find((r) => r.status === 200)!;
    const events = (await history(c.id)).body.events;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['ClientCreated', 'ClientRenamed']);
    expect(events[1].revision).toBe(winner.body.revision);
    // the losers' names were released: each is free again
    const loserName = responses.indexOf(responses.find((r) => r.status === 412)!);
    expect((await create({ name: `Course ${loserName}` })).status).toBe(201);
  });

  it('replays an Idempotency-Key: same response, nothing new appended', async () => {
    const key = randomUUID();
    const first = await create({ name: 'Idempotent & Co' }, { 'Idempotency-Key': key });
    const again = await create({ name: 'Idempotent & Co' }, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect((await history(first.body.id)).body.events).toHaveLength(1);
    const total = await list('?search=idempotent', first.body.position);
    expect(total.body.total).toBe(1);

    const reused = await create({ name: 'Something else' }, { 'Idempotency-Key': key });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('runs concurrent repeats of one Idempotency-Key into a single client', async () => {
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => create({ name: 'Concurrent & Co' }, { 'Idempotency-Key': key })),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect((await history(responses[0].body.id)).body.events).toHaveLength(1);
    const listed = await list('?search=concurrent', Math.max(...responses.map((r) => r.body.position)));
    expect(listed.body.total).toBe(1);
  });

  it('gives the auditor the replayable history', async () => {
    const c = (await create({ name: 'Audité' }, { 'X-Correlation-Id': 'corr-123' })).body;
    await h.http().patch(`/clients/${c.id}`).set(auth).send({ name: 'Audité SA' });
    const auditor = { Authorization: `Bearer ${await h.token('auditor')}` };
    const res = await h.http().get(`/clients/${c.id}/history`).set(auditor);
    expect(res.status).toBe(200);
    expect(res.body.events.map((e: { type: string; revision: number }) => [e.type, e.revision])).toEqual([
      ['ClientCreated', 0],
      ['ClientRenamed', 1],
    ]);
    const [created, renamed] = res.body.events;
    expect(created.metadata).toMatchObject({
      actor: 'admin-1',
      correlationId: 'corr-123',
      occurredAt: expect.any(String),
    });
    expect(created.data).toMatchObject({ name: 'Audité' });
    expect(renamed.position).toBeGreaterThan(created.position);
    expect((await h.http().post('/clients').set(auditor).send({ name: 'Nope' })).status).toBe(403);
  });

  it('pages the history, with a next revision only while events remain', async () => {
    const c = (await create({ name: 'Paged History' })).body;
    await h.http().patch(`/clients/${c.id}`).set(auth).send({ name: 'Paged History 2' });
    await h.http().patch(`/clients/${c.id}`).set(auth).send({ name: 'Paged History 3' });
    const first = await h.http().get(`/clients/${c.id}/history?limit=2`).set(auth);
    expect(first.body.events.map((e: { revision: number }) => e.revision)).toEqual([0, 1]);
    expect(first.body.nextRevision).toBe(2);
    const last = await h.http().get(`/clients/${c.id}/history?limit=2&fromRevision=2`).set(auth);
    expect(last.body.events.map((e: { revision: number }) => e.revision)).toEqual([2]);
    expect(last.body.nextRevision).toBeNull();
    const exact = await h.http().get(`/clients/${c.id}/history?limit=3`).set(auth);
    expect(exact.body.events).toHaveLength(3);
    expect(exact.body.nextRevision).toBeNull();
  });

  it('answers 404 for another firm’s client, exactly as for an unknown id', async () => {
    const c = (await create({ name: 'Secret' })).body;
    const stranger = { Authorization: `Bearer ${await h.token('admin', 'other-firm')}` };
    for (const res of [
      await h.http().get(`/clients/${c.id}`).set(stranger).set('X-Min-Position', String(c.position)),
      await h.http().get(`/clients/${c.id}/history`).set(stranger),
      await h.http().patch(`/clients/${c.id}`).set(stranger).send({ name: 'Mine' }),
      await h.http().delete(`/clients/${c.id}`).set(stranger),
      await h.http().get(`/clients/${randomUUID()}`).set(auth),
      await h.http().get('/clients/not-an-id').set(auth),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('CLIENT_NOT_FOUND');
    }
    const theirs = await h.http().get('/clients?search=secret').set(stranger);
    expect(theirs.body.total).toBe(0);
  });

  describe('bad input: a clear 4xx naming the field, nothing appended', () => {
    it.each([
      [{}, 'name'],
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ name: 42 }, 'name'],
      [{ name: 'Ok', extra: true }, 'extra'],
      [{ name: 'Ok', groupId: 'nope' }, 'groupId'],
      [{ name: 'Ok', attributes: [] }, 'attributes'],
      [{ name: 'Ok', attributes: { nested: { a: 1 } } }, 'attributes.nested'],
      [{ name: 'Ok', attributes: { when: '2024-02-30' } }, 'attributes.when'],
    ])('%j -> 400 naming %s', async (body, field) => {
      const store = h.app.get<EventStore>(EVENT_STORE);
      const before = await store.headPosition();
      const res = await create(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await store.headPosition()).toBe(before);
    });

    it('rejects bad query parameters and headers', async () => {
      expect((await list('?sort=size')).body.errors[0].field).toBe('sort');
      expect((await list('?pageSize=1000')).status).toBe(400);
      expect((await h.http().get('/clients').set(auth).set('X-Min-Position', 'soon')).status).toBe(400);
      const c = (await create({ name: 'Header test' })).body;
      const badIfMatch = await h
        .http()
        .patch(`/clients/${c.id}`)
        .set(auth)
        .set('If-Match', 'yesterday')
        .send({ name: 'x' });
      expect(badIfMatch.status).toBe(400);
      expect(badIfMatch.body.errors[0].field).toBe('If-Match');
    });

    it('answers malformed JSON with 400, an oversized body with 413, a non-JSON body with 415', async () => {
      const malformed = await h
        .http()
        .post('/clients')
        .set(auth)
        .set('content-type', 'application/json')
        .send('{"name": ');
      expect(malformed.status).toBe(400);
      const huge = await create({ name: 'Big', attributes: { blob: 'x'.repeat(2 * 1024 * 1024) } });
      expect(huge.status).toBe(413);
      const form = await h.http().post('/clients').set(auth).type('form').send('name=Form');
      expect(form.status).toBe(415);
      expect(form.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });
  });

  it('refuses at once an X-Min-Position past the last recorded event (400 naming it), not after 5 s', async () => {
    const started = Date.now();
    const res = await list('', 10_000_000);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'X-Min-Position' })]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  describe('roles', () => {
    it.each([
      ['admin', 201],
      ['collaborator', 201],
      ['service', 201],
      ['auditor', 403],
      ['contact', 403],
    ] as const)('%s creating a client -> %i', async (role, status) => {
      const res = await h
        .http()
        .post('/clients')
        .set('Authorization', `Bearer ${await h.token(role)}`)
        .send({ name: `Made by ${role}` });
      expect(res.status).toBe(status);
      if (status === 403) expect(res.body.code).toBe('FORBIDDEN');
    });

    it.each([
      ['auditor', 'the whole firm'],
      ['collaborator', 'only the clients assigned to them (none here)'],
      ['contact', 'only the clients they belong to (none here)'],
    ] as const)('%s lists %s', async (role, _what) => {
      const res = await h
        .http()
        .get('/clients')
        .set('Authorization', `Bearer ${await h.token(role)}`);
      expect(res.status).toBe(200);
      if (role === 'auditor') expect(res.body.total).toBeGreaterThan(0);
      else expect(res.body).toEqual({ items: [], total: 0 });
    });
  });

  describe('authentication', () => {
    it('requires a valid bearer token', async () => {
      expect((await h.http().get('/clients')).status).toBe(401);
      expect((await h.http().get('/clients').set('Authorization', 'Bearer not.a.jwt')).status).toBe(401);
      const forged = await signToken('another-secret-that-is-long-enough-to-sign', {
        tenant: 't',
        role: 'admin',
        sub: 'x',
      });
      expect((await h.http().get('/clients').set('Authorization', `Bearer ${forged}`)).status).toBe(401);
    });

    it('serves health, readiness and the API docs without a token', async () => {
      expect((await h.http().get('/health')).body).toEqual({ status: 'ok' });
      const ready = await h.http().get('/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.stores).toEqual({ eventStore: 'up', readStore: 'up', idempotency: 'up' });
      const docs = await h.http().get('/docs/openapi.json');
      expect(docs.status).toBe(200);
      expect(Object.keys(docs.body.paths)).toEqual(
        expect.arrayContaining([
          '/clients',
          '/clients/{id}',
          '/clients/{id}/history',
          '/clients/export.xlsx',
          '/groups',
        ]),
      );
    });
  });
});
