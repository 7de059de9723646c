import { useStandalone } from './support/standalone-app';

/**
 * Collaborators and contacts go through folder rights, so their view of a client must not move
 * with work in folders hidden from them: no revision or ETag, and an `updatedAt` that only the
 * sheet's info moves.
 */
describe('what members see of a client’s version', () => {
  const suite = useStandalone();
  const http = () => suite.h.http();
  let last = 0;
  const as = (auth: { Authorization: string }) => ({
    get: (path: string) => http().get(path).set(auth).set('X-Min-Position', String(last)),
  });
  const admin = async (method: 'post' | 'patch' | 'put', path: string, body: object) => {
    const res = await http()[method](path).set(suite.auth).send(body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    last = Math.max(last, res.body.position ?? 0);
    return res.body;
  };

  let clientId: string;
  let contact: { Authorization: string };
  let collaborator: { Authorization: string };
  let ids: { contact: string; collaborator: string };

  beforeAll(async () => {
    const person = await admin('post', '/contacts', {
      firstName: 'Zoé',
      lastName: 'Client',
      email: 'zoe@example.com',
      language: 'fr',
    });
    const staff = await admin('post', '/collaborators', {
      firstName: 'Paul',
      lastName: 'Staff',
      email: 'paul@example.com',
    });
    const client = await admin('post', '/clients', {
      name: 'Versioned Co',
      contacts: [{ contactId: person.id, language: 'fr', sendActivationEmail: false }],
      collaborators: [{ collaboratorId: staff.id, access: 'full' }],
    });
    clientId = client.id;
    ids = { contact: person.id, collaborator: staff.id };
    contact = { Authorization: `Bearer ${await suite.h.token('contact', undefined, person.id)}` };
    collaborator = { Authorization: `Bearer ${await suite.h.token('collaborator', undefined, staff.id)}` };
  });

  const snapshot = async (auth: { Authorization: string }) => {
    const sheet = await as(auth).get(`/clients/${clientId}`);
    expect(sheet.status).toBe(200);
    const listed = await as(auth).get('/clients');
    const row = listed.body.items.find((c: { id: string }) => c.id === clientId);
    return {
      etag: sheet.headers.etag,
      revision: sheet.body.revision,
      updatedAt: sheet.body.updatedAt,
      listed: row.updatedAt,
    };
  };

  it('does not move for members when staff work in a folder hidden from them; it does for staff', async () => {
    const before = {
      contact: await snapshot(contact),
      collaborator: await snapshot(collaborator),
      admin: await snapshot(suite.auth),
    };
    for (const member of [before.contact, before.collaborator]) {
      expect(member.etag).toBeUndefined();
      expect(member.revision).toBeNull();
      expect(member.listed).toBe(member.updatedAt);
    }
    expect(before.admin.etag).toBe(`"${before.admin.revision}"`);

    // A folder nobody but staff can see (a contact has no right at the root), worked in.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const folder = await admin('post', `/clients/${clientId}/folders`, { name: 'Privé' });
    await admin('patch', `/clients/${clientId}/folders/${folder.folderId}`, { name: 'Privé 2' });

    const after = {
      contact: await snapshot(contact),
      collaborator: await snapshot(collaborator),
      admin: await snapshot(suite.auth),
    };
    expect(after.contact).toEqual(before.contact);
    expect(after.collaborator).toEqual(before.collaborator);
    expect(after.admin.revision).toBe(before.admin.revision + 2);
    expect(after.admin.updatedAt > before.admin.updatedAt).toBe(true);
  });

  it('moves for members when the sheet’s info changes', async () => {
    const before = await snapshot(contact);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await admin('patch', `/clients/${clientId}`, { attributes: { regime: 'BIC' } });
    const after = await snapshot(contact);
    expect(after.updatedAt > before.updatedAt).toBe(true);
    expect(after.listed).toBe(after.updatedAt);
    expect(after.revision).toBeNull();
  });

  it('gives members no revision on the tabs either', async () => {
    const tab = await as(collaborator).get(`/clients/${clientId}/contacts`);
    expect(tab.status).toBe(200);
    expect(tab.body.revision).toBeNull();
    const staffTab = await as(suite.auth).get(`/clients/${clientId}/contacts`);
    expect(typeof staffTab.body.revision).toBe('number');
  });

  it('answers members’ commands with no revision and no ETag, and refuses a revision in their If-Match', async () => {
    const changed = await http()
      .patch(`/clients/${clientId}`)
      .set(collaborator)
      .send({ attributes: { note: 'from a member' } });
    expect(changed.status).toBe(200);
    expect(changed.body.revision).toBeNull();
    expect(changed.headers.etag).toBeUndefined();
    const folder = await http()
      .post(`/clients/${clientId}/folders`)
      .set(collaborator)
      .send({ name: 'Par Paul' });
    expect(folder.status).toBe(201);
    expect(folder.body.revision).toBeNull();
    expect(folder.headers.etag).toBeUndefined();
    // Guessing a revision would tell whether the guess is right: refused, whatever the guess.
    for (const guess of ['"0"', '"5"', '"999"']) {
      const res = await http()
        .patch(`/clients/${clientId}`)
        .set(collaborator)
        .set('If-Match', guess)
        .send({ attributes: { note: 'guess' } });
      expect([res.status, res.body.errors?.[0]?.field]).toEqual([400, 'If-Match']);
    }
    const star = await http()
      .patch(`/clients/${clientId}`)
      .set(collaborator)
      .set('If-Match', '*')
      .send({ attributes: { note: 'star' } });
    expect(star.status).toBe(200);
    // Staff still get the revision and the ETag.
    const staff = await http()
      .patch(`/clients/${clientId}`)
      .set(suite.auth)
      .send({ attributes: { note: 'staff' } });
    expect(typeof staff.body.revision).toBe('number');
    expect(staff.headers.etag).toBe(`"${staff.body.revision}"`);
  });

  it('answers a member’s command that changes nothing with no position, which would move with hidden work', async () => {
    const same = async () =>
      (
        await http()
          .patch(`/clients/${clientId}`)
          .set(collaborator)
          .send({ attributes: { note: 'unchanged' } })
      ).body;
    await same();
    const before = await same();
    await admin('post', `/clients/${clientId}/folders`, { name: `Hidden ${Date.now()}` });
    const after = await same();
    expect([before.position, after.position]).toEqual([0, 0]);
    expect(before.revision).toBeNull();
  });

  it('answers a client hidden from a collaborator with 404 before any If-Match is looked at', async () => {
    const outsider = {
      Authorization: `Bearer ${await suite.h.token('collaborator', undefined, 'not-assigned')}`,
    };
    const hidden = await admin('post', '/clients', { name: 'Hidden Co' });
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const id of [hidden.id, unknown]) {
      for (const ifMatch of [undefined, '*']) {
        const request = http().patch(`/clients/${id}`).set(outsider);
        if (ifMatch) void request.set('If-Match', ifMatch);
        const res = await request.send({ attributes: { a: 1 } });
        expect([id === unknown ? 'unknown' : 'hidden', ifMatch, res.status]).toEqual([
          id === unknown ? 'unknown' : 'hidden',
          ifMatch,
          404,
        ]);
      }
    }
  });

  it('does not take a token whose role is not the kind of member its subject is', async () => {
    const forged = [
      await suite.h.token('contact', undefined, ids.collaborator),
      await suite.h.token('collaborator', undefined, ids.contact),
    ];
    for (const token of forged) {
      const auth = { Authorization: `Bearer ${token}` };
      expect((await as(auth).get(`/clients/${clientId}`)).status).toBe(404);
      const list = await as(auth).get('/clients');
      expect(list.status === 403 || list.body.total === 0).toBe(true);
    }
  });
});
