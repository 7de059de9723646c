import { multipartBody } from '../libs/platform/src/http/files/testing/multipart-body';
import { useStandalone } from './support/standalone-app';

/**
 * A folder the firm closed to a contact stays closed, whatever a collaborator does with the
 * contact's membership: found by a black-box attack (detach, then attach again, brought the
 * template's default right back).
 */
describe('rights a collaborator cannot reopen', () => {
  const suite = useStandalone();
  const http = () => suite.h.http();
  let last = 0;
  const send = async (
    auth: { Authorization: string },
    method: 'post' | 'put' | 'delete',
    path: string,
    body?: object,
  ) => {
    const res = await http()[method](path).set(auth).send(body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    last = Math.max(last, res.body.position ?? 0);
    return res.body;
  };
  const get = (auth: { Authorization: string }, path: string) =>
    http().get(path).set(auth).set('X-Min-Position', String(last));

  it('keeps a contact’s closed folder closed through a detach and an attach again by a collaborator', async () => {
    const admin = suite.auth;
    const template = await send(admin, 'post', '/tree-templates', {
      name: 'Paie',
      folders: [{ path: 'Payroll', contactDefault: 'read' }],
    });
    const person = await send(admin, 'post', '/contacts', {
      firstName: 'K',
      lastName: 'Three',
      email: 'k3@escalation.example',
      language: 'fr',
    });
    const staff = await send(admin, 'post', '/collaborators', {
      firstName: 'C',
      lastName: 'Read',
      email: 'c@escalation.example',
    });
    const client = await send(admin, 'post', '/clients', {
      name: 'Escalation Co',
      treeTemplateId: template.id,
      contacts: [{ contactId: person.id, language: 'fr', sendActivationEmail: false }],
      collaborators: [{ collaboratorId: staff.id, access: 'full' }],
    });
    const contact = { Authorization: `Bearer ${await suite.h.token('contact', undefined, person.id)}` };
    const collaborator = {
      Authorization: `Bearer ${await suite.h.token('collaborator', undefined, staff.id)}`,
    };
    const tree = await get(admin, `/clients/${client.id}/folders`);
    const payroll = tree.body.items.find((f: { name: string }) => f.name === 'Payroll').id;
    const { contentType, body } = multipartBody([
      { name: 'file', filename: 'salaries.xlsx', content: Buffer.from('salaries') },
    ]);
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    await http()
      .post(`/clients/${client.id}/folders/${payroll}/files`)
      .set(admin)
      .set('content-type', contentType)
      .send(Buffer.concat(chunks));

    // The firm closes Payroll to the contact and to the collaborator.
    for (const principal of [person.id, staff.id])
      await send(admin, 'put', `/clients/${client.id}/folders/${payroll}/permissions/${principal}`, {
        right: 'none',
      });
    expect((await get(contact, `/clients/${client.id}/folders`)).body.items).toEqual([]);

    // The collaborator detaches the contact and attaches it again.
    await send(collaborator, 'delete', `/clients/${client.id}/contacts/${person.id}`);
    await send(collaborator, 'post', `/clients/${client.id}/contacts`, {
      contactId: person.id,
      language: 'fr',
      sendActivationEmail: false,
    });
    const seen = await get(contact, `/clients/${client.id}/folders`);
    expect(seen.status).toBe(200);
    expect(seen.body.items).toEqual([]);
    const access = await get(admin, `/clients/${client.id}/folders/${payroll}/access`);
    // "Who can see this folder": not the contact.
    expect(access.body.items.map((i: { principalId: string }) => i.principalId)).not.toContain(person.id);
  });

  it('names a folder a collaborator only passes through in the matrix, without anyone’s rights on it', async () => {
    const admin = suite.auth;
    const staff = await send(admin, 'post', '/collaborators', {
      firstName: 'P',
      lastName: 'Ass',
      email: 'p@escalation.example',
    });
    const client = await send(admin, 'post', '/clients', {
      name: 'Matrix Co',
      collaborators: [{ collaboratorId: staff.id, access: 'read' }],
    });
    const secret = (await send(admin, 'post', `/clients/${client.id}/folders`, { name: 'Secret' })).folderId;
    const deep = (
      await send(admin, 'post', `/clients/${client.id}/folders`, { name: 'Deep', parentId: secret })
    ).folderId;
    await send(admin, 'put', `/clients/${client.id}/folders/${secret}/permissions/${staff.id}`, {
      right: 'none',
    });
    await send(admin, 'put', `/clients/${client.id}/folders/${deep}/permissions/${staff.id}`, {
      right: 'read',
    });
    const collaborator = {
      Authorization: `Bearer ${await suite.h.token('collaborator', undefined, staff.id)}`,
    };
    const matrix = await get(collaborator, `/clients/${client.id}/permissions`);
    expect(matrix.status).toBe(200);
    const byId = new Map(
      (matrix.body.folders as { id: string; rights: Record<string, unknown> }[]).map((f) => [f.id, f.rights]),
    );
    expect(byId.get(secret)).toEqual({});
    expect(byId.get(deep)).toMatchObject({ [staff.id]: { explicit: 'read', effective: 'read' } });
    // Staff see everyone's rights on both.
    const asStaff = await get(admin, `/clients/${client.id}/permissions`);
    const secretForStaff = asStaff.body.folders.find((f: { id: string }) => f.id === secret);
    expect(secretForStaff.rights[staff.id]).toEqual({ explicit: 'none', effective: 'none' });
  });

  describe('a collaborator with full client access but a folder closed to them', () => {
    let clientId: string;
    let secret: string;
    let collaborator: { Authorization: string };
    let other: string;
    const attempt = (method: 'post' | 'put' | 'delete', path: string, body?: object) =>
      http()[method](path).set(collaborator).send(body);

    beforeAll(async () => {
      const admin = suite.auth;
      const staff = await send(admin, 'post', '/collaborators', {
        firstName: 'F',
        lastName: 'Ull',
        email: 'f@closed.example',
      });
      other = (
        await send(admin, 'post', '/collaborators', {
          firstName: 'O',
          lastName: 'Ther',
          email: 'o@closed.example',
        })
      ).id;
      const tree = await send(admin, 'post', '/tree-templates', {
        name: 'Closed',
        folders: [{ path: 'Compta/Secret', contactDefault: 'read' }],
      });
      const client = await send(admin, 'post', '/clients', {
        name: 'Closed Co',
        treeTemplateId: tree.id,
        collaborators: [{ collaboratorId: staff.id, access: 'full' }],
      });
      clientId = client.id;
      const folders = (await get(admin, `/clients/${clientId}/folders`)).body.items as {
        id: string;
        name: string;
      }[];
      secret = folders.find((f) => f.name === 'Secret')!.id;
      await send(admin, 'put', `/clients/${clientId}/folders/${secret}/permissions/${staff.id}`, {
        right: 'none',
      });
      collaborator = { Authorization: `Bearer ${await suite.h.token('collaborator', undefined, staff.id)}` };
    });

    it('cannot plant folders under it with a tree template', async () => {
      const drop = await send(suite.auth, 'post', '/tree-templates', {
        name: 'Drop',
        folders: [{ path: 'Compta/Secret/Drop', contactDefault: 'full' }],
      });
      const res = await attempt('post', `/clients/${clientId}/tree`, { treeTemplateId: drop.id });
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
      const folders = (await get(suite.auth, `/clients/${clientId}/folders`)).body.items as {
        name: string;
      }[];
      expect(folders.map((f) => f.name)).not.toContain('Drop');
    });

    it('cannot assign another collaborator (who would inherit the closed folder), nor delete the client', async () => {
      const assign = await attempt('put', `/clients/${clientId}/collaborators/${other}`, { access: 'full' });
      expect([assign.status, assign.body.code]).toEqual([403, 'FORBIDDEN']);
      const remove = await attempt('delete', `/clients/${clientId}`);
      expect(remove.status).toBe(403);
      expect((await get(suite.auth, `/clients/${clientId}`)).status).toBe(200);
    });

    it('attaches a contact it controls with no right on the closed folder, whatever its default', async () => {
      const person = await send(collaborator, 'post', '/contacts', {
        firstName: 'My',
        lastName: 'Self',
        email: 'private@closed.example',
        language: 'fr',
      });
      const attached = await attempt('post', `/clients/${clientId}/contacts`, {
        contactId: person.id,
        language: 'fr',
        sendActivationEmail: false,
      });
      expect(attached.status).toBe(201);
      last = Math.max(last, attached.body.position);
      const contact = { Authorization: `Bearer ${await suite.h.token('contact', undefined, person.id)}` };
      const seen = (await get(contact, `/clients/${clientId}/folders`)).body.items as { id: string }[];
      expect(seen.map((f) => f.id)).not.toContain(secret);
      // Attached by an admin, a contact gets the folder's default.
      const byAdmin = await send(suite.auth, 'post', '/contacts', {
        firstName: 'By',
        lastName: 'Admin',
        email: 'byadmin@closed.example',
        language: 'fr',
      });
      await send(suite.auth, 'post', `/clients/${clientId}/contacts`, {
        contactId: byAdmin.id,
        language: 'fr',
        sendActivationEmail: false,
      });
      const adminContact = {
        Authorization: `Bearer ${await suite.h.token('contact', undefined, byAdmin.id)}`,
      };
      const seenByAdminContact = (await get(adminContact, `/clients/${clientId}/folders`)).body.items as {
        id: string;
      }[];
      expect(seenByAdminContact.map((f) => f.id)).toContain(secret);
    });
  });
});
