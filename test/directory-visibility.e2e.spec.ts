import type { Response } from 'supertest';
import { useStandalone } from './support/standalone-app';

/**
 * The directory shows a contact's clients (`GET /contacts/:id`) and counts them (`clientsCount`
 * in `GET /contacts`). A collaborator or a contact must find there only the clients they may see
 * themselves: a client hidden from them is neither listed, named, counted, nor found by a search.
 *
 * "Visible Co" and "Hidden Co"; collaborators: one with read on Visible Co (and none on Hidden
 * Co), one with none on Visible Co, one never assigned. Contacts: "Both" belongs to the two
 * clients, "Hidden only" to Hidden Co alone, "Nobody's" to none.
 */
describe('the directory shows a collaborator only the clients they may see', () => {
  const suite = useStandalone();
  let last = 0;
  const track = (res: Response) => {
    if (typeof res.body?.position === 'number') last = Math.max(last, res.body.position);
    return res;
  };
  const as = async (
    auth: { Authorization: string },
    method: 'get' | 'post' | 'put',
    path: string,
    body?: object,
  ) => track(await suite.h.http()[method](path).set(auth).set('X-Min-Position', String(last)).send(body));
  const admin = async (method: 'post' | 'put', path: string, body: object) => {
    const res = await as(suite.auth, method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  const ids: Record<string, string> = {};
  const auth: Record<string, { Authorization: string }> = {};

  beforeAll(async () => {
    const collaborator = async (name: string) =>
      (
        await admin('post', '/collaborators', {
          firstName: name,
          lastName: 'Staff',
          email: `${name}@firm.fr`,
        })
      ).id as string;
    const contact = async (firstName: string, lastName: string) =>
      (
        await admin('post', '/contacts', {
          firstName,
          lastName,
          email: `${lastName.toLowerCase().replace(/\W/g, '')}@client.fr`,
          language: 'fr',
        })
      ).id as string;
    ids.collabRead = await collaborator('read');
    ids.collabNone = await collaborator('none');
    ids.collabUnassigned = await collaborator('unassigned');
    ids.both = await contact('Alice', 'Both');
    ids.hiddenOnly = await contact('Bruno', 'Hidden only');
    ids.nobodys = await contact('Chloé', 'Nobodys');
    const attach = (contactId: string) => ({ contactId, language: 'fr', sendActivationEmail: false });
    ids.visible = (
      await admin('post', '/clients', {
        name: 'Visible Co',
        contacts: [attach(ids.both)],
        collaborators: [
          { collaboratorId: ids.collabRead, access: 'read' },
          { collaboratorId: ids.collabNone, access: 'none' },
        ],
      })
    ).id;
    ids.hidden = (
      await admin('post', '/clients', {
        name: 'Hidden Co',
        contacts: [attach(ids.both), attach(ids.hiddenOnly)],
        collaborators: [{ collaboratorId: ids.collabRead, access: 'none' }],
      })
    ).id;
    for (const persona of ['collabRead', 'collabNone', 'collabUnassigned'])
      auth[persona] = {
        Authorization: `Bearer ${await suite.h.token('collaborator', undefined, ids[persona])}`,
      };
    auth.admin = suite.auth;
    auth.auditor = { Authorization: `Bearer ${await suite.h.token('auditor')}` };
    auth.contact = { Authorization: `Bearer ${await suite.h.token('contact', undefined, ids.hiddenOnly)}` };
  });

  type Counts = Record<'both' | 'hiddenOnly' | 'nobodys', number>;
  const countsOf = (items: { id: string; clientsCount: number }[]): Partial<Counts> =>
    Object.fromEntries(
      (['both', 'hiddenOnly', 'nobodys'] as const).map((k) => [
        k,
        items.find((i) => i.id === ids[k])?.clientsCount,
      ]),
    );

  it.each<[string, Counts, string[]]>([
    ['admin', { both: 2, hiddenOnly: 1, nobodys: 0 }, ['Visible Co', 'Hidden Co']],
    ['auditor', { both: 2, hiddenOnly: 1, nobodys: 0 }, ['Visible Co', 'Hidden Co']],
    ['collabRead', { both: 1, hiddenOnly: 0, nobodys: 0 }, ['Visible Co']],
    ['collabNone', { both: 0, hiddenOnly: 0, nobodys: 0 }, []],
    ['collabUnassigned', { both: 0, hiddenOnly: 0, nobodys: 0 }, []],
  ])('as %s: GET /contacts counts %j, GET /contacts/:id lists %j', async (persona, counts, clientNames) => {
    const list = await as(auth[persona], 'get', '/contacts');
    expect(list.status).toBe(200);
    // every contact is in the firm's directory: the list and its total are the same for everyone
    expect(list.body.total).toBe(3);
    expect(countsOf(list.body.items)).toEqual(counts);

    const one = await as(auth[persona], 'get', `/contacts/${ids.both}`);
    expect(one.status).toBe(200);
    expect(one.body.clients.map((c: { name: string }) => c.name)).toEqual(clientNames);
    const alone = await as(auth[persona], 'get', `/contacts/${ids.hiddenOnly}`);
    expect(alone.body.clients).toHaveLength(counts.hiddenOnly);

    // a search, and a full first page (whose total is counted, not inferred), count the same way
    const searched = await as(auth[persona], 'get', '/contacts?search=both');
    expect(searched.body).toMatchObject({ total: 1, items: [{ id: ids.both, clientsCount: counts.both }] });
    // page by page (each first page full, so its total is counted): the same counts
    const pages = [];
    for (let page = 1; page <= 3; page++) {
      const res = await as(auth[persona], 'get', `/contacts?pageSize=1&page=${page}`);
      expect(res.body.total).toBe(3);
      pages.push(...res.body.items);
    }
    expect(countsOf(pages)).toEqual(counts);
  });

  it('never names, nor gives the id of, a client a collaborator cannot see', async () => {
    for (const persona of ['collabRead', 'collabNone', 'collabUnassigned']) {
      const bodies = [
        (await as(auth[persona], 'get', '/contacts')).body,
        (await as(auth[persona], 'get', '/contacts?search=hidden')).body,
        (await as(auth[persona], 'get', `/contacts/${ids.both}`)).body,
        (await as(auth[persona], 'get', `/contacts/${ids.hiddenOnly}`)).body,
      ];
      const seen = JSON.stringify(bodies);
      expect(seen).not.toContain(ids.hidden);
      expect(seen).not.toContain('Hidden Co');
      if (persona !== 'collabRead') expect(seen).not.toContain(ids.visible);
    }
  });

  it('a collaborator raised from none to read sees the client in the directory, and loses it again', async () => {
    const before = await as(auth.collabNone, 'get', `/contacts/${ids.both}`);
    expect(before.body.clients).toEqual([]);
    await admin('put', `/clients/${ids.visible}/collaborators/${ids.collabNone}`, { access: 'read' });
    const raised = await as(auth.collabNone, 'get', `/contacts/${ids.both}`);
    expect(raised.body.clients.map((c: { id: string }) => c.id)).toEqual([ids.visible]);
    await admin('put', `/clients/${ids.visible}/collaborators/${ids.collabNone}`, { access: 'none' });
    const lowered = await as(auth.collabNone, 'get', '/contacts?search=both');
    expect(lowered.body.items[0].clientsCount).toBe(0);
  });

  it('keeps the directory closed to contacts, even about their own clients (403)', async () => {
    expect((await as(auth.contact, 'get', '/contacts')).status).toBe(403);
    expect((await as(auth.contact, 'get', `/contacts/${ids.hiddenOnly}`)).status).toBe(403);
    expect((await as(auth.contact, 'get', `/contacts/${ids.both}`)).status).toBe(403);
    expect((await as(auth.contact, 'get', '/collaborators')).status).toBe(403);
  });
});
