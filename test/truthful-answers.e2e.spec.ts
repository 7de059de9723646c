import { useStandalone } from './support/standalone-app';

/** Each answer says what is true: preconditions, validation messages, no-op commands. */
describe('truthful answers', () => {
  const suite = useStandalone();
  const http = () => suite.h.http();

  describe('If-Match: * means "the resource exists" (RFC 9110)', () => {
    it.each([
      ['a client', '/clients', { name: 'Star Co' }],
      [
        'a contact',
        '/contacts',
        { firstName: 'A', lastName: 'B', email: 'star@example.com', language: 'fr' },
      ],
      ['a group', '/groups', { name: 'Star group' }],
    ])('refuses the creation of %s with 412, creating nothing', async (_, path, body) => {
      const res = await http().post(path).set(suite.auth).set('If-Match', '*').send(body);
      expect(res.status).toBe(412);
      expect(res.body.message).toMatch(/does not exist/);
      // Nothing was reserved or created: the same creation without If-Match goes through.
      expect((await http().post(path).set(suite.auth).send(body)).status).toBe(201);
    });

    it('lets a change of an existing resource through', async () => {
      const client = await http().post('/clients').set(suite.auth).send({ name: 'Existing Co' });
      const res = await http()
        .patch(`/clients/${client.body.id}`)
        .set(suite.auth)
        .set('If-Match', '*')
        .send({ attributes: { a: 1 } });
      expect(res.status).toBe(200);
      expect(res.body.revision).toBe(1);
    });

    it('says a revision on a creation cannot hold because nothing exists, not that "the revision is -1"', async () => {
      const res = await http()
        .post('/clients')
        .set(suite.auth)
        .set('If-Match', '"0"')
        .send({ name: 'Zero Co' });
      expect(res.status).toBe(412);
      expect(res.body.message).not.toMatch(/-1/);
      expect(res.body.message).toMatch(/does not exist/);
    });
  });

  it.each(['abc', '1.5', '2x', '0x1', '1e2'])(
    'says page=%p is not an integer, and nothing else',
    async (page) => {
      const res = await http().get(`/clients?page=${page}`).set(suite.auth);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'page', message: 'page must be an integer number' }]);
    },
  );

  it('still reports a range for a number out of range', async () => {
    const res = await http().get('/clients?pageSize=1000').set(suite.auth);
    expect(res.body.errors).toEqual([
      { field: 'pageSize', message: 'pageSize must not be greater than 200' },
    ]);
  });

  it('refuses null for an optional field that takes no null, rather than reading it as absent', async () => {
    const res = await http().put('/settings').set(suite.auth).send({ newFolderDefault: null });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('newFolderDefault');
    // A field that takes null still does: PATCH /contacts/:id {phone: null} removes the phone.
    const contact = await http().post('/contacts').set(suite.auth).send({
      firstName: 'N',
      lastName: 'Ull',
      email: 'null@example.com',
      language: 'fr',
      phone: '+33 1 02 03 04 05',
    });
    const cleared = await http().patch(`/contacts/${contact.body.id}`).set(suite.auth).send({ phone: null });
    expect(cleared.status).toBe(200);
  });

  it('records the first PUT /settings, defaults included, and answers its revision; a repeat changes nothing', async () => {
    const first = await http().put('/settings').set(suite.auth).send({ newFolderDefault: 'inherit' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ revision: 0 });
    expect(first.body.position).toBeGreaterThan(0);
    expect(first.headers.etag).toBe('"0"');
    const again = await http().put('/settings').set(suite.auth).send({ newFolderDefault: 'inherit' });
    expect(again.body).toEqual(first.body);
    expect(again.headers.etag).toBe('"0"');
  });
});
