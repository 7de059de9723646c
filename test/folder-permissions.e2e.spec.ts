import { useStandalone } from './support/standalone-app';

/** Folders, rights, cascade, the matrix, the "eye" and who can see a folder, over HTTP. */
describe('folder permissions over HTTP', () => {
  const suite = useStandalone();
  const http = () => suite.h.http();
  let last = 0;
  const send = async (method: 'post' | 'put' | 'patch' | 'delete', path: string, body?: object) => {
    const res = await http()[method](path).set(suite.auth).send(body);
    if (res.body?.position) last = Math.max(last, res.body.position);
    return res;
  };
  const get = (path: string, token?: string) =>
    http()
      .get(path)
      .set(token ? { Authorization: `Bearer ${token}` } : suite.auth)
      .set('X-Min-Position', String(last));
  const ok = async (method: 'post' | 'put' | 'patch' | 'delete', path: string, body?: object) => {
    const res = await send(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  let clientId: string;
  let contactId: string;
  let collaboratorId: string;
  const levels: string[] = [];

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
    clientId = (
      await ok('post', '/clients', {
        name: 'Acme',
        contacts: [{ contactId, language: 'fr', sendActivationEmail: false }],
        collaborators: [{ collaboratorId, access: 'read' }],
      })
    ).id;
    let parentId: string | null = null;
    for (let i = 0; i < 10; i++) {
      const created: { folderId: string } = await ok('post', `/clients/${clientId}/folders`, {
        parentId,
        name: `Niveau ${i}`,
      });
      levels.push(created.folderId);
      parentId = created.folderId;
    }
  });

  const rightsOf = async (principalId: string) => {
    const matrix = await get(`/clients/${clientId}/permissions`);
    expect(matrix.status).toBe(200);
    return (matrix.body.folders as { id: string; rights: Record<string, { effective: string }> }[])
      .filter((f) => levels.includes(f.id))
      .sort((a, b) => levels.indexOf(a.id) - levels.indexOf(b.id))
      .map((f) => f.rights[principalId].effective);
  };

  it('a 10-level tree inherits: contacts none, collaborators their client access', async () => {
    expect(await rightsOf(contactId)).toEqual(Array(10).fill('none'));
    expect(await rightsOf(collaboratorId)).toEqual(Array(10).fill('read'));
    const folders = await get(`/clients/${clientId}/folders`);
    expect(folders.body.items.map((f: { depth: number }) => f.depth)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('a right set on level 2 flows down; a lower one on level 6 wins below it', async () => {
    await ok('put', `/clients/${clientId}/folders/${levels[2]}/permissions/${contactId}`, { right: 'full' });
    await ok('put', `/clients/${clientId}/folders/${levels[6]}/permissions/${contactId}`, { right: 'read' });
    expect(await rightsOf(contactId)).toEqual([
      'none',
      'none',
      'full',
      'full',
      'full',
      'full',
      'read',
      'read',
      'read',
      'read',
    ]);
    const matrix = await get(`/clients/${clientId}/permissions`);
    const level6 = matrix.body.folders.find((f: { id: string }) => f.id === levels[6]);
    expect(level6.rights[contactId]).toEqual({ explicit: 'read', effective: 'read' });
    expect(matrix.body.principals).toEqual(
      expect.arrayContaining([
        { id: contactId, kind: 'contact', name: 'Anne Client', clientAccess: null },
        { id: collaboratorId, kind: 'collaborator', name: 'Paul Staff', clientAccess: 'read' },
      ]),
    );
  });

  it('who can see a folder, and from where', async () => {
    const access = await get(`/clients/${clientId}/folders/${levels[4]}/access`);
    expect(access.status).toBe(200);
    expect(access.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          principalId: contactId,
          right: 'full',
          source: { kind: 'inherited', fromFolderId: levels[2], fromPath: expect.any(String) },
        }),
        expect.objectContaining({ principalId: collaboratorId, right: 'read', source: { kind: 'client' } }),
      ]),
    );
  });

  it('the eye shows ancestors of a visible folder path-only', async () => {
    const eye = await get(`/clients/${clientId}/permissions/${contactId}/visible-folders`);
    expect(eye.body.items.slice(0, 3)).toEqual([
      expect.objectContaining({ id: levels[0], traverseOnly: true }),
      expect.objectContaining({ id: levels[1], traverseOnly: true }),
      expect.objectContaining({ id: levels[2], traverseOnly: false, right: 'full' }),
    ]);
    expect(eye.body.items[0]).not.toHaveProperty('right');
  });

  it('cascade copies level 3 rights onto every folder below it', async () => {
    const res = await ok('post', `/clients/${clientId}/folders/${levels[3]}/permissions/cascade`, {
      principalIds: [contactId],
    });
    expect(res.revision).toBeGreaterThan(0);
    expect(await rightsOf(contactId)).toEqual([
      'none',
      'none',
      'full',
      'full',
      'full',
      'full',
      'full',
      'full',
      'full',
      'full',
    ]);
    const history = await get(`/clients/${clientId}/history`);
    const cascaded = history.body.events.filter(
      (e: { type: string }) => e.type === 'FolderPermissionsCascaded',
    );
    expect(cascaded).toHaveLength(1);
    expect(cascaded[0].data.folderIds).toEqual(levels.slice(4));
  });

  it('a folder moved under another parent takes that parent rights where it inherits', async () => {
    const side: { folderId: string } = await ok('post', `/clients/${clientId}/folders`, { name: 'Side' });
    await ok('put', `/clients/${clientId}/folders/${side.folderId}/permissions/${contactId}`, {
      right: 'read',
    });
    const sub: { folderId: string } = await ok('post', `/clients/${clientId}/folders`, {
      parentId: levels[1],
      name: 'Moving',
    });
    await ok('patch', `/clients/${clientId}/folders/${sub.folderId}`, { parentId: side.folderId });
    const matrix = await get(`/clients/${clientId}/permissions`);
    const moved = matrix.body.folders.find((f: { id: string }) => f.id === sub.folderId);
    expect(moved).toMatchObject({
      path: 'Side/Moving',
      depth: 1,
      rights: { [contactId]: { explicit: null, effective: 'read' } },
    });
    const cycle = await send('patch', `/clients/${clientId}/folders/${levels[0]}`, { parentId: levels[5] });
    expect(cycle.status).toBe(422);
    expect(cycle.body.code).toBe('FOLDER_MOVE_CYCLE');
  });

  it('with the locked policy, new subfolders start closed for contacts', async () => {
    expect((await send('put', '/settings', { newFolderDefault: 'locked' })).status).toBe(200);
    const locked: { folderId: string } = await ok('post', `/clients/${clientId}/folders`, {
      parentId: levels[2],
      name: 'Privé',
    });
    const matrix = await get(`/clients/${clientId}/permissions`);
    const folder = matrix.body.folders.find((f: { id: string }) => f.id === locked.folderId);
    expect(folder.rights[contactId]).toEqual({ explicit: 'none', effective: 'none' });
    expect(folder.rights[collaboratorId]).toEqual({ explicit: null, effective: 'read' });
    await send('put', '/settings', { newFolderDefault: 'inherit' });
    const collaborator = await suite.h.token('collaborator');
    expect(
      (
        await http()
          .put('/settings')
          .set({ Authorization: `Bearer ${collaborator}` })
          .send({ newFolderDefault: 'locked' })
      ).status,
    ).toBe(403);
  });

  it('deletes an empty folder; a full one only with recursive=true', async () => {
    const notEmpty = await send('delete', `/clients/${clientId}/folders/${levels[8]}`);
    expect(notEmpty.status).toBe(422);
    expect(notEmpty.body.code).toBe('FOLDER_NOT_EMPTY');
    expect((await send('delete', `/clients/${clientId}/folders/${levels[8]}?recursive=true`)).status).toBe(
      200,
    );
    const folders = await get(`/clients/${clientId}/folders`);
    expect(folders.body.items.map((f: { id: string }) => f.id)).not.toContain(levels[9]);
    expect((await get(`/clients/${clientId}`)).body.directoriesCount).toBe(folders.body.total);
  });

  it('a contact sees only their clients and the folders they have a right on', async () => {
    const token = await suite.h.token('contact', undefined, contactId);
    const clients = await get('/clients', token);
    expect(clients.body.items.map((c: { id: string }) => c.id)).toEqual([clientId]);
    // The counts cover folders and members their rights may hide: not shown to them.
    expect(clients.body.items[0]).toMatchObject({ membersCount: null, directoriesCount: null });
    const tree = await get(`/clients/${clientId}/folders`, token);
    expect(tree.body.items.filter((f: { traverseOnly: boolean }) => !f.traverseOnly).length).toBeGreaterThan(
      0,
    );
    expect(tree.body.items.find((f: { id: string }) => f.id === levels[0])).toMatchObject({
      traverseOnly: true,
    });
    expect((await get(`/clients/${clientId}/permissions`, token)).status).toBe(403);
    expect((await get(`/clients/${clientId}/folders/${levels[0]}/access`, token)).status).toBe(404);
  });
});
