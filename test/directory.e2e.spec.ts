import { randomUUID } from 'node:crypto';
import { toNewEvents } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import type { ClientEvent } from '@dossiers/events';
import { useStandalone } from './support/standalone-app';

describe('the firm’s directory over HTTP: collaborators and contacts', () => {
  const suite = useStandalone();

  /** An admin of a fresh firm, so that its lists hold only what the test puts there. */
  const freshFirm = async () => ({
    Authorization: `Bearer ${await suite.h.token('admin', `firm-${randomUUID()}`)}`,
  });
  const post = (path: string, body: object, auth = suite.auth) =>
    suite.h.http().post(path).set(auth).send(body);
  const patch = (path: string, body: object, auth = suite.auth) =>
    suite.h.http().patch(path).set(auth).send(body);
  const get = (path: string, position: number, auth = suite.auth) =>
    suite.h.http().get(path).set(auth).set('X-Min-Position', String(position));
  const contact = (email: string, extra: object = {}) => ({
    firstName: 'Zoé',
    lastName: 'Dupré',
    email,
    language: 'fr',
    ...extra,
  });

  describe('collaborators', () => {
    it('registers, changes, lists by last then first name, and searches ignoring case and accents', async () => {
      const firm = await freshFirm();
      const people = [
        { firstName: 'Zoé', lastName: 'Martin', email: 'zoe@cabinet.fr' },
        { firstName: 'Éloïse', lastName: 'Leroy', email: 'ELOISE@Cabinet.fr' },
        { firstName: 'Anne', lastName: 'Martin Dupont', email: 'anne@cabinet.fr' },
        { firstName: 'Bruno', lastName: 'Martin', email: 'bruno@cabinet.fr' },
      ];
      const created = [];
      for (const person of people) created.push(await post('/collaborators', person, firm));
      expect(created.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      expect(created[0].body).toEqual({ id: expect.any(String), revision: 0, position: expect.any(Number) });
      expect(created[0].headers.etag).toBe('"0"');

      const changed = await patch(
        `/collaborators/${created[0].body.id}`,
        { email: ' Zoe.Martin@Cabinet.fr ' },
        firm,
      );
      expect(changed.status).toBe(200);
      expect(changed.body.revision).toBe(1);

      const list = await get('/collaborators', changed.body.position, firm);
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(4);
      expect(
        list.body.items.map((c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`),
      ).toEqual(['Éloïse Leroy', 'Bruno Martin', 'Zoé Martin', 'Anne Martin Dupont']);
      const page2 = await get('/collaborators?pageSize=3&page=2', changed.body.position, firm);
      expect(page2.body).toEqual({ total: 4, items: [expect.objectContaining({ firstName: 'Anne' })] });

      const search = await get('/collaborators?search=ELOISE', changed.body.position, firm);
      expect(search.body).toEqual({
        total: 1,
        items: [
          {
            id: created[1].body.id,
            firstName: 'Éloïse',
            lastName: 'Leroy',
            email: 'eloise@cabinet.fr',
            createdAt: expect.any(String),
            updatedAt: expect.any(String),
          },
        ],
      });

      const one = await get(`/collaborators/${created[0].body.id}`, changed.body.position, firm);
      expect(one.status).toBe(200);
      expect(one.headers.etag).toBe('"1"');
      expect(one.body).toMatchObject({ firstName: 'Zoé', email: 'zoe.martin@cabinet.fr', revision: 1 });
    });

    it('names each bad field with 400, and keeps other firms’ collaborators out of reach (404)', async () => {
      const bad = await post('/collaborators', { firstName: ' ', lastName: 'x'.repeat(101), email: 'nope' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'firstName',
        'lastName',
        'email',
      ]);

      const theirs = await post(
        '/collaborators',
        { firstName: 'A', lastName: 'B', email: 'a@b.fr' },
        await freshFirm(),
      );
      expect((await get(`/collaborators/${theirs.body.id}`, theirs.body.position)).status).toBe(404);
      expect((await patch(`/collaborators/${theirs.body.id}`, { firstName: 'C' })).status).toBe(404);
      expect((await get('/collaborators/not-a-uuid', theirs.body.position)).status).toBe(404);
    });
  });

  describe('contacts', () => {
    it('creates, changes, lists and shows a contact, searchable ignoring case and accents', async () => {
      const firm = await freshFirm();
      const created = await post(
        '/contacts',
        contact(' Zoe.Dupre@Example.FR ', { phone: '+33 6 12 34 56 78' }),
        firm,
      );
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.any(String), revision: 0, position: expect.any(Number) });
      await post('/contacts', { ...contact('ann@example.fr'), firstName: 'Ann', lastName: 'Abel' }, firm);

      const changed = await patch(`/contacts/${created.body.id}`, { phone: null, language: 'en' }, firm);
      expect(changed.status).toBe(200);
      expect(changed.body.revision).toBe(1);
      const unchanged = await patch(`/contacts/${created.body.id}`, { language: 'en' }, firm);
      expect(unchanged.body.revision).toBe(1);

      const list = await get('/contacts', changed.body.position, firm);
      expect(list.body.total).toBe(2);
      expect(list.body.items.map((c: { lastName: string }) => c.lastName)).toEqual(['Abel', 'Dupré']);
      const search = await get('/contacts?search=DUPRE', changed.body.position, firm);
      expect(search.body).toEqual({
        total: 1,
        items: [
          {
            id: created.body.id,
            firstName: 'Zoé',
            lastName: 'Dupré',
            email: 'zoe.dupre@example.fr',
            phone: null,
            language: 'en',
            activated: false,
            activatedAt: null,
            clientsCount: 0,
            createdAt: expect.any(String),
            updatedAt: expect.any(String),
          },
        ],
      });
      expect(
        (await get('/contacts?search=example.fr&pageSize=1', changed.body.position, firm)).body.total,
      ).toBe(2);

      const one = await get(`/contacts/${created.body.id}`, changed.body.position, firm);
      expect(one.status).toBe(200);
      expect(one.headers.etag).toBe('"1"');
      expect(one.body).toMatchObject({
        email: 'zoe.dupre@example.fr',
        phone: null,
        clients: [],
        revision: 1,
      });
    });

    it.each([
      ['firstName', { firstName: '' }],
      ['lastName', { lastName: 'x'.repeat(101) }],
      ['email', { email: 'zoe@example' }],
      ['phone', { phone: '12-34' }],
      ['language', { language: 'xx' }],
      ['language', { language: undefined }],
      ['unexpected', { unexpected: true }],
    ])('answers 400 naming %s, creating nothing', async (field, override) => {
      const email = `${randomUUID()}@example.fr`;
      const res = await post('/contacts', contact(email, override));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      // nothing was created or reserved: the email is still free
      expect((await post('/contacts', contact(email))).status).toBe(201);
    });

    it('names a bad field of a PATCH with 400', async () => {
      const c = await post('/contacts', contact(`${randomUUID()}@example.fr`));
      const res = await patch(`/contacts/${c.body.id}`, { email: 'not an email', phone: 'abc' });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['email', 'phone']);
    });

    it('keeps emails unique per firm, ignoring case (409 CONTACT_EMAIL_TAKEN)', async () => {
      expect((await post('/contacts', contact('unique@example.fr'))).status).toBe(201);
      const clash = await post('/contacts', contact('  UNIQUE@Example.fr'));
      expect(clash.status).toBe(409);
      expect(clash.body.code).toBe('CONTACT_EMAIL_TAKEN');
      expect((await post('/contacts', contact('unique@example.fr'), await freshFirm())).status).toBe(201);
    });

    it('lets exactly one of 5 concurrent creations take an email', async () => {
      const responses = await Promise.all(
        [1, 2, 3, 4, 5].map((i) => post('/contacts', contact(i % 2 ? 'race@example.fr' : 'RACE@example.fr'))),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
      for (const r of responses.filter((r) => r.status === 409))
        expect(r.body.code).toBe('CONTACT_EMAIL_TAKEN');
    });

    it('refuses a change to a taken email, changing nothing, and frees an email changed away', async () => {
      const a = await post('/contacts', contact('a.before@example.fr'));
      const b = await post('/contacts', contact('b@example.fr'));
      const taken = await patch(`/contacts/${a.body.id}`, { email: 'B@example.fr', firstName: 'Changed' });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('CONTACT_EMAIL_TAKEN');
      const still = await get(`/contacts/${a.body.id}`, b.body.position);
      expect(still.body).toMatchObject({ firstName: 'Zoé', email: 'a.before@example.fr', revision: 0 });

      const moved = await patch(`/contacts/${a.body.id}`, { email: 'a.after@example.fr' });
      expect(moved.status).toBe(200);
      expect((await post('/contacts', contact('a.before@example.fr'))).status).toBe(201);
      expect((await post('/contacts', contact('a.after@example.fr'))).status).toBe(409);
    });

    it('shows the clients a contact is attached to, named as they are now', async () => {
      const tenant = `firm-${randomUUID()}`;
      const firm = { Authorization: `Bearer ${await suite.h.token('admin', tenant)}` };
      const c = await post('/contacts', contact('linked@example.fr'), firm);
      // The client endpoints belong to another slice: their events are appended straight to the store.
      const store = suite.h.app.get<EventStore>(EVENT_STORE);
      const context = {
        tenant,
        actor: 'admin-1',
        role: 'admin' as const,
        correlationId: randomUUID(),
        causationId: null,
        now: new Date().toISOString(),
        eventId: () => randomUUID(),
        newId: () => randomUUID(),
      };
      const client = async (name: string, events: (clientId: string) => ClientEvent[]) => {
        const clientId = randomUUID();
        const created: ClientEvent = {
          type: 'ClientCreated',
          data: { clientId, name, groupId: null, attributes: {} },
        };
        const all = [created, ...events(clientId)];
        return store.append(
          `client-${clientId}`,
          toNewEvents(`client-${clientId}`, all, context),
          'no_stream',
        );
      };
      const attach = (clientId: string): ClientEvent => ({
        type: 'ContactAttached',
        data: { clientId, contactId: c.body.id, language: 'en' },
      });
      await client('Boulangerie Dupré', (id) => [attach(id)]);
      await client('Garage Martin', (id) => [attach(id), { type: 'ClientDeleted', data: { clientId: id } }]);
      const last = await client('Détachée', (id) => [
        attach(id),
        { type: 'ContactDetached', data: { clientId: id, contactId: c.body.id } },
      ]);

      const shown = await get(`/contacts/${c.body.id}`, last.position, firm);
      expect(shown.status).toBe(200);
      // a deleted client is left out even before its ContactDetached arrives
      expect(shown.body.clients).toEqual([
        { id: expect.any(String), name: 'Boulangerie Dupré', language: 'en', attachedAt: context.now },
      ]);
      expect(shown.body.revision).toBe(0);
    });

    it('answers 404 for another firm’s contact, exactly like a missing one', async () => {
      const theirs = await post('/contacts', contact('theirs@example.fr'), await freshFirm());
      expect(theirs.status).toBe(201);
      const read = await get(`/contacts/${theirs.body.id}`, theirs.body.position);
      expect(read.status).toBe(404);
      expect(read.body.code).toBe('CONTACT_NOT_FOUND');
      expect((await patch(`/contacts/${theirs.body.id}`, { firstName: 'Mine' })).status).toBe(404);
      expect((await get(`/contacts/${randomUUID()}`, theirs.body.position)).status).toBe(404);
    });

    it('refuses If-Match on a creation (412) without holding the email', async () => {
      const refused = await suite.h
        .http()
        .post('/contacts')
        .set(suite.auth)
        .set('If-Match', '"0"')
        .send(contact('ifmatch@example.fr'));
      expect(refused.status).toBe(412);
      expect((await post('/contacts', contact('ifmatch@example.fr'))).status).toBe(201);
    });

    it('leaves the directory to staff: a contact may not read it, an auditor may not write it', async () => {
      const asContact = { Authorization: `Bearer ${await suite.h.token('contact')}` };
      const asAuditor = { Authorization: `Bearer ${await suite.h.token('auditor')}` };
      expect((await suite.h.http().get('/contacts').set(asContact)).status).toBe(403);
      expect((await suite.h.http().get('/collaborators').set(asAuditor)).status).toBe(200);
      expect((await post('/contacts', contact('auditor@example.fr'), asAuditor)).status).toBe(403);
    });
  });
});
