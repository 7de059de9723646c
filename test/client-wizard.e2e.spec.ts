import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import ExcelJS from 'exceljs';
import { asBinary } from './support/binary-body';
import { useStandalone } from './support/standalone-app';

/**
 * The creation wizard (POST /clients with its six steps) and the client sheet's tabs, end to end
 * on the embedded default.
 */
describe('client wizard and client sheet over HTTP', () => {
  const suite = useStandalone();
  const http = () => suite.h.http();
  const post = (path: string, body: object, headers: Record<string, string> = {}) =>
    http().post(path).set(suite.auth).set(headers).send(body);
  const get = (path: string, position?: number) =>
    http()
      .get(path)
      .set(suite.auth)
      .set(position ? { 'X-Min-Position': String(position) } : {});
  const allEvents = () => suite.h.app.get<EventStore>(EVENT_STORE).readAll();
  const created = async (path: string, body: object) => {
    const res = await post(path, body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; revision: number; position: number };
  };

  let ids: {
    group: string;
    partner: string;
    junior: string;
    existingContact: string;
    sheet: string;
    treeA: string;
    treeB: string;
    form: string;
  };

  beforeAll(async () => {
    ids = {
      group: (await created('/groups', { name: 'Retail' })).id,
      partner: (
        await created('/collaborators', { firstName: 'Paul', lastName: 'Partner', email: 'paul@firm.fr' })
      ).id,
      junior: (
        await created('/collaborators', { firstName: 'Julie', lastName: 'Junior', email: 'julie@firm.fr' })
      ).id,
      existingContact: (
        await created('/contacts', {
          firstName: 'Éric',
          lastName: 'Existing',
          email: 'eric@client.fr',
          language: 'en',
        })
      ).id,
      sheet: (
        await created('/sheet-templates', {
          name: 'Company',
          fields: [
            { key: 'siren', label: 'SIREN', type: 'text', required: true },
            { key: 'employees', label: 'Employees', type: 'number' },
            { key: 'regime', label: 'Tax regime', type: 'select', options: ['IS', 'IR'] },
          ],
        })
      ).id,
      treeA: (
        await created('/tree-templates', {
          name: 'Standard',
          folders: [
            { path: 'Comptabilité/Factures', contactDefault: 'full' },
            { path: 'Comptabilité', contactDefault: 'read' },
            { path: 'Juridique', contactDefault: 'none' },
          ],
        })
      ).id,
      treeB: (
        await created('/tree-templates', {
          name: 'Payroll',
          folders: [
            { path: 'comptabilité/Banque', contactDefault: 'read' },
            { path: 'Paie/Bulletins', contactDefault: 'read' },
          ],
        })
      ).id,
      form: (
        await created('/form-templates', {
          name: 'Onboarding',
          sections: [
            { title: 'Company', questions: [{ key: 'activity', label: 'Your activity', type: 'text' }] },
          ],
        })
      ).id,
    };
  });

  const wizard = () => ({
    name: 'Boulangerie Dupont',
    groupId: ids.group,
    sheetTemplateId: ids.sheet,
    attributes: { siren: '552120222', employees: 12, regime: 'IS', notes: 'extra attributes are fine' },
    contacts: [
      {
        firstName: 'Anne',
        lastName: 'Dupont',
        email: 'Anne.Dupont@boulangerie.fr',
        language: 'fr',
        sendActivationEmail: true,
      },
      { contactId: ids.existingContact, language: 'en', sendActivationEmail: false },
    ],
    collaborators: [
      { collaboratorId: ids.partner, access: 'full' },
      { collaboratorId: ids.junior, access: 'none' },
    ],
    treeTemplateId: ids.treeA,
    connectors: [
      { connectorId: 'pennylane', settings: { companyId: 'PL-42', apiToken: 'very-secret-token' } },
    ],
    formTemplateId: ids.form,
  });

  let clientId: string;
  let position: number;

  it('creates the client with its six steps in one command', async () => {
    const res = await post('/clients', wizard());
    expect(res.status).toBe(201);
    clientId = res.body.id;
    position = res.body.position;

    const history = await get(`/clients/${clientId}/history`);
    expect(history.status).toBe(200);
    const types = history.body.events.map((e: { type: string }) => e.type);
    expect(types).toEqual([
      'ClientCreated',
      'SheetTemplateLoaded',
      'ContactAttached',
      'ContactInvited',
      'ContactAttached',
      'CollaboratorAccessSet',
      'CollaboratorAccessSet',
      'TreeTemplateApplied',
      'ConnectorConfigured',
      'FormSent',
    ]);
    const correlations = new Set(
      history.body.events.map((e: { metadata: { correlationId: string } }) => e.metadata.correlationId),
    );
    expect(correlations.size).toBe(1);
    // The new contact's own stream was written by the same request.
    const contactEvents = (await allEvents()).filter(
      (e) => e.type === 'ContactCreated' && e.data.email === 'anne.dupont@boulangerie.fr',
    );
    expect(contactEvents).toHaveLength(1);
    expect(contactEvents[0].metadata.correlationId).toBe([...correlations][0]);
    // A secret setting never shows, not even to auditors reading the history.
    expect(JSON.stringify(history.body)).not.toContain('very-secret-token');
  });

  it('shows every tab of the client sheet', async () => {
    const sheet = await get(`/clients/${clientId}`, position);
    expect(sheet.body).toMatchObject({
      name: 'Boulangerie Dupont',
      groupName: 'Retail',
      membersCount: 3,
      directoriesCount: 3,
      attributes: { siren: '552120222', employees: 12, regime: 'IS', notes: 'extra attributes are fine' },
    });
    expect(sheet.body.fields.map((f: { key: string }) => f.key)).toEqual(['siren', 'employees', 'regime']);

    const contacts = await get(`/clients/${clientId}/contacts`);
    expect(contacts.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          firstName: 'Anne',
          email: 'anne.dupont@boulangerie.fr',
          language: 'fr',
          lastInvitedAt: expect.any(String),
        }),
        expect.objectContaining({
          contactId: ids.existingContact,
          firstName: 'Éric',
          language: 'en',
          lastInvitedAt: null,
        }),
      ]),
    );
    expect(contacts.body.items).toHaveLength(2);

    const collaborators = await get(`/clients/${clientId}/collaborators`);
    expect(collaborators.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ collaboratorId: ids.partner, lastName: 'Partner', access: 'full' }),
        expect.objectContaining({ collaboratorId: ids.junior, access: 'none' }),
      ]),
    );

    const folders = await get(`/clients/${clientId}/folders`);
    expect(folders.body.items.map((f: { path: string; depth: number }) => [f.path, f.depth])).toEqual([
      ['Comptabilité', 0],
      ['Comptabilité/Factures', 1],
      ['Juridique', 0],
    ]);
    const [compta, factures] = folders.body.items;
    expect(factures.parentId).toBe(compta.id);

    // Every contact of the client gets the template's default right on each folder.
    const matrix = await get(`/clients/${clientId}/permissions`);
    const rightsByPath = (contactId: string) =>
      Object.fromEntries(
        matrix.body.folders.map((f: { path: string; rights: Record<string, { effective: string }> }) => [
          f.path,
          f.rights[contactId].effective,
        ]),
      );
    for (const contact of contacts.body.items as { contactId: string }[])
      expect(rightsByPath(contact.contactId)).toEqual({
        Comptabilité: 'read',
        'Comptabilité/Factures': 'full',
        Juridique: 'none',
      });

    const connectors = await get(`/clients/${clientId}/connectors`);
    expect(connectors.body.items).toEqual([
      expect.objectContaining({
        connectorId: 'pennylane',
        settings: { companyId: 'PL-42' },
        secrets: { apiToken: true },
      }),
    ]);
    expect(JSON.stringify(connectors.body)).not.toContain('very-secret-token');

    const forms = await get(`/clients/${clientId}/forms`);
    expect(forms.body.items).toEqual([
      expect.objectContaining({ name: 'Onboarding', contactIds: expect.any(Array) }),
    ]);
    expect(forms.body.items[0].contactIds).toHaveLength(2);

    const contact = await get(`/contacts/${ids.existingContact}`);
    expect(contact.body.clients).toEqual([
      expect.objectContaining({ id: clientId, name: 'Boulangerie Dupont' }),
    ]);
  });

  it('merges a second tree template: existing folders keep their ids, only missing ones are added', async () => {
    const before = (await get(`/clients/${clientId}/folders`)).body.items as { id: string; path: string }[];
    const res = await post(`/clients/${clientId}/tree`, { treeTemplateId: ids.treeB });
    expect(res.status).toBe(200);
    const after = (await get(`/clients/${clientId}/folders`, res.body.position)).body.items as {
      id: string;
      path: string;
    }[];
    expect(after.map((f) => f.path)).toEqual([
      'Comptabilité',
      'Comptabilité/Banque',
      'Comptabilité/Factures',
      'Juridique',
      'Paie',
      'Paie/Bulletins',
    ]);
    for (const folder of before) expect(after.find((f) => f.path === folder.path)?.id).toBe(folder.id);
    expect((await get(`/clients/${clientId}`)).body.directoriesCount).toBe(6);

    const again = await post(`/clients/${clientId}/tree`, { treeTemplateId: ids.treeB });
    expect(again.body.revision).toBe(res.body.revision);
  });

  it('attaching a contact again in another language changes only that language', async () => {
    const before = (await get(`/clients/${clientId}`)).body.membersCount;
    const res = await post(`/clients/${clientId}/contacts`, {
      contactId: ids.existingContact,
      language: 'de',
      sendActivationEmail: false,
    });
    expect(res.status).toBe(201);
    const contacts = await get(`/clients/${clientId}/contacts`, res.body.position);
    expect(contacts.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ contactId: ids.existingContact, language: 'de' })]),
    );
    expect((await get(`/clients/${clientId}`)).body.membersCount).toBe(before);
    const contact = await get(`/contacts/${ids.existingContact}`);
    expect(contact.body.clients).toEqual([expect.objectContaining({ id: clientId, language: 'de' })]);
    await post(`/clients/${clientId}/contacts`, {
      contactId: ids.existingContact,
      language: 'en',
      sendActivationEmail: false,
    });
  });

  it('counts members and directories in the list and the export', async () => {
    const list = await get('/clients?search=dupont');
    expect(list.body.items).toEqual([
      expect.objectContaining({ membersCount: 3, directoriesCount: 6, groupName: 'Retail' }),
    ]);

    const assigned = await http()
      .put(`/clients/${clientId}/collaborators/${ids.junior}`)
      .set(suite.auth)
      .send({ access: 'read' });
    expect(assigned.status).toBe(200);
    expect((await get(`/clients/${clientId}`, assigned.body.position)).body.membersCount).toBe(4);

    const exported = await http().get('/clients/export.xlsx').set(suite.auth).buffer(true).parse(asBinary);
    expect(exported.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.body as ArrayBuffer);
    const rows = workbook.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    const header = rows[0];
    const row = rows.find((r) => r.includes('Boulangerie Dupont'))!;
    expect(row[header.indexOf('Group')]).toBe('Retail');
    expect(row[header.indexOf('Members')]).toBe(4);
    expect(row[header.indexOf('Directories')]).toBe(6);
  });

  describe('each step made invalid in turn: 400 naming it, nothing stored', () => {
    const cases: [string, (body: Record<string, unknown>) => void, string, string][] = [
      [
        'info: a required sheet field without value',
        (b) => (b.attributes = { employees: 3 }),
        'info',
        'attributes.siren',
      ],
      [
        'info: a field of the wrong type',
        (b) => (b.attributes = { siren: '1', employees: 'many' }),
        'info',
        'attributes.employees',
      ],
      [
        'info: an unknown sheet template',
        (b) => (b.sheetTemplateId = '00000000-0000-4000-8000-000000000000'),
        'info',
        'sheetTemplateId',
      ],
      [
        'contacts: a bad email',
        (b) => ((b.contacts as Record<string, unknown>[])[0].email = 'not-an-email'),
        'contacts',
        'contacts.0.email',
      ],
      [
        'contacts: an unknown language',
        (b) => ((b.contacts as Record<string, unknown>[])[0].language = 'pt'),
        'contacts',
        'contacts.0.language',
      ],
      [
        'contacts: an unknown contact',
        (b) =>
          ((b.contacts as Record<string, unknown>[])[1].contactId = '00000000-0000-4000-8000-000000000001'),
        'contacts',
        'contacts.1.contactId',
      ],
      [
        'collaborators: a bad access',
        (b) => ((b.collaborators as Record<string, unknown>[])[0].access = 'admin'),
        'collaborators',
        'collaborators.0.access',
      ],
      [
        'tree: an unknown template',
        (b) => (b.treeTemplateId = '00000000-0000-4000-8000-000000000002'),
        'tree',
        'treeTemplateId',
      ],
      [
        'connectors: an unknown setting',
        (b) => ((b.connectors as Record<string, unknown>[])[0].settings = { nope: 1 }),
        'connectors',
        'connectors.0.settings.nope',
      ],
      [
        'connectors: not in the catalog',
        (b) => ((b.connectors as Record<string, unknown>[])[0].connectorId = 'sage'),
        'connectors',
        'connectors.0.connectorId',
      ],
      ['form: an unknown template', (b) => (b.formTemplateId = 'not-a-uuid'), 'form', 'formTemplateId'],
    ];
    it.each(cases)('%s', async (_, breakIt, step, field) => {
      const body: Record<string, unknown> = { ...wizard(), name: `Invalid ${field}` };
      body.contacts = (body.contacts as object[]).map((c, i) => ({
        ...c,
        ...(i === 0 ? { email: `${step}-${field}@x.fr` } : {}),
      }));
      breakIt(body);
      const before = (await allEvents()).length;
      const res = await post('/clients', body);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ step, field })]));
      expect((await allEvents()).length).toBe(before);
    });
  });

  it('refuses a new contact whose email is taken (409 naming it) and stores nothing', async () => {
    const before = (await allEvents()).length;
    const body = wizard();
    body.name = 'Another bakery';
    body.contacts[0].email = 'ERIC@client.fr';
    const res = await post('/clients', body);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CONTACT_EMAIL_TAKEN');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ step: 'contacts', field: 'contacts.0.email' }),
    ]);
    expect((await allEvents()).length).toBe(before);
  });

  it('gives a collaborator who creates a client full access to it, so it exists for them', async () => {
    const token = await suite.h.token('collaborator', undefined, ids.junior);
    const res = await http()
      .post('/clients')
      .set({ Authorization: `Bearer ${token}` })
      .send({ name: 'Made by Julie' });
    expect(res.status).toBe(201);
    const sheet = await http()
      .get(`/clients/${res.body.id}`)
      .set({ Authorization: `Bearer ${token}`, 'X-Min-Position': String(res.body.position) });
    expect(sheet.status).toBe(200);
    const collaborators = await get(`/clients/${res.body.id}/collaborators`);
    expect(collaborators.body.items).toEqual([
      expect.objectContaining({ collaboratorId: ids.junior, access: 'full' }),
    ]);
  });

  it('keeps working with only a name', async () => {
    const res = await post('/clients', { name: 'Just a name' });
    expect(res.status).toBe(201);
    expect(res.body.revision).toBe(0);
  });

  it('deleting a client keeps its contacts, no longer linked to it', async () => {
    const res = await http().delete(`/clients/${clientId}`).set(suite.auth);
    expect(res.status).toBe(200);
    const contact = await get(`/contacts/${ids.existingContact}`, res.body.position);
    expect(contact.status).toBe(200);
    expect(contact.body.clients).toEqual([]);
    const contacts = await get('/contacts?search=dupont');
    expect(contacts.body.items).toEqual([expect.objectContaining({ email: 'anne.dupont@boulangerie.fr' })]);
  });
});
