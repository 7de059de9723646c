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
});
