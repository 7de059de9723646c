import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { useStandalone } from './support/standalone-app';

/** `?asOf=` and `?asOfRevision=`: a client's sheet, tree, folder access and "eye" as they were. */
describe('time travel over HTTP', () => {
  const suite = useStandalone();
  let last = 0;
  const as = async (role: 'auditor' | 'service' | 'collaborator' | 'contact', sub?: string) => ({
    Authorization: `Bearer ${await suite.h.token(role, undefined, sub)}`,
  });
  const get = (path: string, auth = suite.auth) =>
    suite.h.http().get(path).set(auth).set('X-Min-Position', String(last));
  const ok = async (method: 'post' | 'put' | 'patch' | 'delete', path: string, body?: object) => {
    const res = await suite.h.http()[method](path).set(suite.auth).send(body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body?.position) last = Math.max(last, res.body.position);
    return res.body;
  };
  /** An instant after every event recorded so far, and before any recorded from now on. */
  const now = async () => {
    const instant = new Date().toISOString();
    await sleep(3);
    return instant;
  };

  let clientId: string;
  let contactId: string;
  let collaboratorId: string;
  let compta: string;
  let factures: string;
  let beforeClient: string;
  let beforeChanges: string;
  let afterChanges: string;
  let revisionBefore: number;
  const routes = () => [
    `/clients/${clientId}`,
    `/clients/${clientId}/folders`,
    `/clients/${clientId}/folders/${compta}/access`,
    `/clients/${clientId}/permissions/${contactId}/visible-folders`,
  ];

  beforeAll(async () => {
    contactId = (
      await ok('post', '/contacts', {
        firstName: 'Anne',
        lastName: 'Client',
        email: 'anne@acme.fr',
        language: 'fr',
      })
    ).id;
    collaboratorId = (
      await ok('post', '/collaborators', { firstName: 'Paul', lastName: 'Staff', email: 'paul@firm.fr' })
    ).id;
    beforeClient = await now();
    clientId = (
      await ok('post', '/clients', {
        name: 'Acme',
        contacts: [{ contactId, language: 'fr', sendActivationEmail: false }],
        collaborators: [{ collaboratorId, access: 'read' }],
      })
    ).id;
    compta = (await ok('post', `/clients/${clientId}/folders`, { name: 'Compta' })).folderId;
    const created = await ok('post', `/clients/${clientId}/folders`, { parentId: compta, name: 'Factures' });
    factures = created.folderId;
    revisionBefore = created.revision;
    beforeChanges = await now();
    await ok('patch', `/clients/${clientId}`, { name: 'Acme Holding' });
    await ok('patch', `/clients/${clientId}/folders/${factures}`, { name: 'Factures 2026' });
    await ok('put', `/clients/${clientId}/folders/${compta}/permissions/${contactId}`, { right: 'read' });
    afterChanges = await now();
  });

  it('answers the sheet as it was before a rename, and as it is after it', async () => {
    const before = await get(`/clients/${clientId}?asOf=${beforeChanges}`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ id: clientId, name: 'Acme', revision: revisionBefore });
    expect(before.headers.etag).toBeUndefined();

    const after = await get(`/clients/${clientId}?asOf=${afterChanges}`);
    const live = await get(`/clients/${clientId}`);
    expect(after.body.name).toBe('Acme Holding');
    expect(after.body).toEqual(live.body);
    expect(live.headers.etag).toBe(`"${live.body.revision}"`);
    expect(after.headers.etag).toBeUndefined();
  });

  it('answers as of a revision of the stream, which the sheet reports', async () => {
    const first = await get(`/clients/${clientId}?asOfRevision=0`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ name: 'Acme', revision: 0, directoriesCount: 0 });
    const atFolders = await get(`/clients/${clientId}?asOfRevision=${revisionBefore}`);
    expect(atFolders.body).toMatchObject({ name: 'Acme', revision: revisionBefore, directoriesCount: 2 });
    const pastTheEnd = await get(`/clients/${clientId}?asOfRevision=100000`);
    expect(pastTheEnd.body).toEqual((await get(`/clients/${clientId}`)).body);
  });

  it('answers the folder tree as it was before a folder rename', async () => {
    const names = async (query: string) =>
      (await get(`/clients/${clientId}/folders${query}`)).body.items.map((f: { path: string }) => f.path);
    expect(await names(`?asOf=${beforeChanges}`)).toEqual(['Compta', 'Compta/Factures']);
    expect(await names(`?asOfRevision=${revisionBefore}`)).toEqual(['Compta', 'Compta/Factures']);
    expect(await names(`?asOf=${afterChanges}`)).toEqual(['Compta', 'Compta/Factures 2026']);
    expect((await get(`/clients/${clientId}/folders?asOf=${afterChanges}`)).body).toEqual(
      (await get(`/clients/${clientId}/folders`)).body,
    );
  });

  it("answers who could see a folder, and a principal's eye, before and after a right was set", async () => {
    const access = async (query: string) =>
      (await get(`/clients/${clientId}/folders/${compta}/access${query}`)).body;
    const eye = async (query: string) =>
      (await get(`/clients/${clientId}/permissions/${contactId}/visible-folders${query}`)).body;

    const accessBefore = await access(`?asOf=${beforeChanges}`);
    expect(accessBefore.items.map((i: { principalId: string }) => i.principalId)).toEqual([collaboratorId]);
    expect((await eye(`?asOf=${beforeChanges}`)).items).toEqual([]);

    const accessAfter = await access(`?asOf=${afterChanges}`);
    expect(accessAfter.items).toEqual(
      expect.arrayContaining([
        {
          principalId: contactId,
          kind: 'contact',
          name: 'Anne Client',
          right: 'read',
          source: { kind: 'explicit' },
        },
      ]),
    );
    expect(accessAfter).toEqual(await access(''));
    const eyeAfter = await eye(`?asOf=${afterChanges}`);
    expect(eyeAfter.items.map((f: { path: string }) => f.path)).toEqual(['Compta', 'Compta/Factures 2026']);
    expect(eyeAfter).toEqual(await eye(''));
  });

  it('lets auditors and services travel, and refuses it to collaborators and contacts with 403', async () => {
    for (const path of routes()) {
      for (const role of ['auditor', 'service'] as const)
        expect([path, role, (await get(`${path}?asOf=${beforeChanges}`, await as(role))).status]).toEqual([
          path,
          role,
          200,
        ]);
      const collaborator = await as('collaborator', collaboratorId);
      expect((await get(path, collaborator)).status).toBe(200); // live, they may see it
      for (const member of [collaborator, await as('contact', contactId)]) {
        const refused = await get(`${path}?asOfRevision=1`, member);
        expect([path, refused.status, refused.body.code]).toEqual([path, 403, 'TIME_TRAVEL_FORBIDDEN']);
      }
    }
  });

  it('answers 404 before the client existed, for a folder not there yet, and to another firm', async () => {
    for (const path of routes()) {
      const before = await get(`${path}?asOf=${beforeClient}`);
      expect([path, before.status, before.body.code]).toEqual([path, 404, 'CLIENT_NOT_FOUND']);
    }
    const noFolder = await get(
      `/clients/${clientId}/folders/${factures}/access?asOfRevision=${revisionBefore - 1}`,
    );
    expect([noFolder.status, noFolder.body.code]).toEqual([404, 'FOLDER_NOT_FOUND']);
    const stranger = { Authorization: `Bearer ${await suite.h.token('admin', 'another-firm')}` };
    expect((await get(`/clients/${clientId}?asOf=${afterChanges}`, stranger)).status).toBe(404);
    expect((await get(`/clients/${randomUUID()}/folders?asOfRevision=3`)).status).toBe(404);
  });

  it('still answers a deleted client as it was before its deletion', async () => {
    const { id } = await ok('post', '/clients', { name: 'Éphémère' });
    const alive = await now();
    await ok('delete', `/clients/${id}`);
    expect((await get(`/clients/${id}`)).status).toBe(404);
    expect((await get(`/clients/${id}?asOf=${alive}`)).body).toMatchObject({
      id,
      name: 'Éphémère',
      revision: 0,
    });
    expect((await get(`/clients/${id}?asOf=${await now()}`)).status).toBe(404);
  });

  it('refuses bad points with 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['asOf=yesterday', 'asOf'],
      ['asOf=2026-02-30T10:00:00Z', 'asOf'],
      ['asOf=2026-03-03', 'asOf'],
      ['asOf=2026-03-03T10:00:00', 'asOf'],
      ['asOfRevision=-1', 'asOfRevision'],
      ['asOfRevision=1.5', 'asOfRevision'],
      ['asOfRevision=abc', 'asOfRevision'],
      [`asOf=${afterChanges}&asOfRevision=2`, 'asOfRevision'],
    ];
    for (const path of routes()) {
      for (const [query, field] of cases) {
        const res = await get(`${path}?${query}`);
        expect([path, query, res.status, res.body.code]).toEqual([path, query, 400, 'VALIDATION']);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      }
    }
  });
});
