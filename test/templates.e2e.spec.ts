import { randomUUID } from 'node:crypto';
import { TemplateLookup } from '../apps/command-api/src/templates/template-lookup';
import { ConnectorCatalog } from '../apps/command-api/src/templates/connector-catalog';
import { useStandalone } from './support/standalone-app';

describe('templates and the connector catalog over HTTP (standalone)', () => {
  const suite = useStandalone();
  const http = () => suite.h.http();
  const at = (position: number) => ({ 'X-Min-Position': String(position) });
  const otherFirm = async () => ({
    Authorization: `Bearer ${await suite.h.token('admin', `other-${randomUUID()}`)}`,
  });

  const siren = { key: 'siren', label: 'SIREN', type: 'text', required: true };
  const regime = { key: 'regime', label: 'Régime', type: 'select', options: ['BIC', 'BNC'] };

  describe('sheet templates', () => {
    it('creates, lists, reads, replaces and deletes a template', async () => {
      const created = await http()
        .post('/sheet-templates')
        .set(suite.auth)
        .send({ name: ' Fiche société ', fields: [siren, regime] });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.any(String), revision: 0, position: expect.any(Number) });
      const id = created.body.id as string;

      const read = await http().get(`/sheet-templates/${id}`).set(suite.auth).set(at(created.body.position));
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"0"');
      expect(read.body).toEqual({
        id,
        name: 'Fiche société',
        fields: [
          { key: 'siren', label: 'SIREN', type: 'text', required: true },
          { key: 'regime', label: 'Régime', type: 'select', options: ['BIC', 'BNC'], required: false },
        ],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        revision: 0,
      });
      const list = await http().get('/sheet-templates').set(suite.auth);
      expect(list.body.items).toContainEqual(
        expect.objectContaining({ id, name: 'Fiche société', fieldsCount: 2 }),
      );

      const stale = await http()
        .put(`/sheet-templates/${id}`)
        .set(suite.auth)
        .set('If-Match', '"7"')
        .send({ name: 'Fiche v2', fields: [siren] });
      expect(stale.status).toBe(412);
      const replaced = await http()
        .put(`/sheet-templates/${id}`)
        .set(suite.auth)
        .set('If-Match', '"0"')
        .send({ name: 'Fiche v2', fields: [siren] });
      expect(replaced.status).toBe(200);
      expect(replaced.body.revision).toBe(1);
      const again = await http()
        .get(`/sheet-templates/${id}`)
        .set(suite.auth)
        .set(at(replaced.body.position));
      expect(again.body).toMatchObject({ name: 'Fiche v2', fields: [siren], revision: 1 });
      const unchanged = await http()
        .put(`/sheet-templates/${id}`)
        .set(suite.auth)
        .send({ name: 'Fiche v2', fields: [siren] });
      expect(unchanged.body.revision).toBe(1);

      const deleted = await http().delete(`/sheet-templates/${id}`).set(suite.auth);
      expect(deleted.status).toBe(200);
      const gone = await http().get(`/sheet-templates/${id}`).set(suite.auth).set(at(deleted.body.position));
      expect(gone.status).toBe(404);
      expect(gone.body.code).toMatch(/TEMPLATE_NOT_FOUND$/);
      expect(
        (await http().put(`/sheet-templates/${id}`).set(suite.auth).send({ name: 'x', fields: [] })).status,
      ).toBe(404);
      expect((await http().delete(`/sheet-templates/${id}`).set(suite.auth)).status).toBe(404);
    });

    it('answers 400 naming every bad field, and stores nothing', async () => {
      const res = await http()
        .post('/sheet-templates')
        .set(suite.auth)
        .send({ name: '  ', fields: [siren, { ...regime, options: [] }, { ...siren, type: 'money' }] });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
      expect(res.body.errors).toEqual([
        { field: 'name', message: 'must be 1-200 characters' },
        { field: 'fields.1.options', message: expect.stringContaining('a select needs') },
        { field: 'fields.2.type', message: expect.stringContaining('must be one of') },
        { field: 'fields.2.key', message: 'duplicates fields.0.key' },
      ]);
      const missing = await http().post('/sheet-templates').set(suite.auth).send({ name: 'Sans champs' });
      expect(missing.status).toBe(400);
      expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['fields']);
    });

    it("answers 404 for another firm's template, on every route", async () => {
      const created = await http()
        .post('/sheet-templates')
        .set(suite.auth)
        .send({ name: 'Privée', fields: [] });
      const id = created.body.id as string;
      const other = await otherFirm();
      expect(
        (await http().get(`/sheet-templates/${id}`).set(other).set(at(created.body.position))).status,
      ).toBe(404);
      expect(
        (await http().put(`/sheet-templates/${id}`).set(other).send({ name: 'x', fields: [] })).status,
      ).toBe(404);
      expect((await http().delete(`/sheet-templates/${id}`).set(other)).status).toBe(404);
      expect((await http().get('/sheet-templates').set(other)).body).toEqual({ items: [], total: 0 });
      expect((await http().get(`/sheet-templates/not-a-uuid`).set(suite.auth)).status).toBe(404);
    });
  });

  describe('tree templates', () => {
    it('normalises the folders and previews them as a tree', async () => {
      const created = await http()
        .post('/tree-templates')
        .set(suite.auth)
        .send({
          name: 'Arborescence standard',
          folders: [
            { path: ' Comptabilité / Factures ', contactDefault: 'read' },
            { path: 'comptabilité/Banque' },
            { path: 'Juridique', contactDefault: 'full' },
          ],
        });
      expect(created.status).toBe(201);
      const id = created.body.id as string;

      const read = await http().get(`/tree-templates/${id}`).set(suite.auth).set(at(created.body.position));
      expect(read.status).toBe(200);
      expect(read.body.folders).toEqual([
        { path: 'Comptabilité', contactDefault: 'none' },
        { path: 'Juridique', contactDefault: 'full' },
        { path: 'Comptabilité/Factures', contactDefault: 'read' },
        { path: 'Comptabilité/Banque', contactDefault: 'none' },
      ]);
      expect(read.body.tree).toEqual([
        {
          name: 'Comptabilité',
          path: 'Comptabilité',
          contactDefault: 'none',
          children: [
            { name: 'Factures', path: 'Comptabilité/Factures', contactDefault: 'read', children: [] },
            { name: 'Banque', path: 'Comptabilité/Banque', contactDefault: 'none', children: [] },
          ],
        },
        { name: 'Juridique', path: 'Juridique', contactDefault: 'full', children: [] },
      ]);
      const list = await http().get('/tree-templates').set(suite.auth);
      expect(list.body.items).toContainEqual({
        id,
        name: 'Arborescence standard',
        foldersCount: 4,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });

      const replaced = await http()
        .put(`/tree-templates/${id}`)
        .set(suite.auth)
        .send({ name: 'Arborescence standard', folders: [{ path: 'Social/Paie' }] });
      expect(replaced.status).toBe(200);
      const after = await http().get(`/tree-templates/${id}`).set(suite.auth).set(at(replaced.body.position));
      expect(after.body.foldersCount).toBe(2);
      expect(after.body.tree[0].children[0].path).toBe('Social/Paie');

      const deleted = await http().delete(`/tree-templates/${id}`).set(suite.auth);
      expect(
        (await http().get(`/tree-templates/${id}`).set(suite.auth).set(at(deleted.body.position))).status,
      ).toBe(404);
    });

    it('answers 400 for duplicate siblings, bad names, depth and access', async () => {
      const deep = Array.from({ length: 11 }, (_, i) => `N${i}`).join('/');
      const res = await http()
        .post('/tree-templates')
        .set(suite.auth)
        .send({
          name: 'Mauvaise',
          folders: [
            { path: 'Factures' },
            { path: 'FACTURES' },
            { path: 'a/../b' },
            { path: deep },
            { path: 'Paie', contactDefault: 'owner' },
          ],
        });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { field: 'folders.1.path', message: expect.stringContaining('duplicates folders.0.path') },
        { field: 'folders.2.path', message: "folder 2 must not be '.' or '..'" },
        { field: 'folders.3.path', message: 'must be at most 10 levels deep' },
        { field: 'folders.4.contactDefault', message: 'must be one of none, read, full' },
      ]);
    });
  });

  describe('form templates', () => {
    it('creates, lists and reads a form', async () => {
      const sections = [
        {
          title: 'Activité',
          questions: [
            { key: 'turnover', label: "Chiffre d'affaires", type: 'number', required: true },
            { key: 'vat', label: 'Régime de TVA', type: 'select', options: ['réel', 'franchise'] },
          ],
        },
        { title: 'Pièces', questions: [{ key: 'statements', label: 'Relevés bancaires', type: 'file' }] },
      ];
      const created = await http()
        .post('/form-templates')
        .set(suite.auth)
        .send({ name: 'Bilan annuel', sections });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      const read = await http().get(`/form-templates/${id}`).set(suite.auth).set(at(created.body.position));
      expect(read.body).toMatchObject({ id, name: 'Bilan annuel', revision: 0 });
      expect(read.body.sections[0].questions[1]).toEqual({ ...sections[0].questions[1], required: false });
      const list = await http().get('/form-templates').set(suite.auth);
      expect(list.body.items).toContainEqual(
        expect.objectContaining({ id, name: 'Bilan annuel', sectionsCount: 2, questionsCount: 3 }),
      );
      expect(
        (
          await http()
            .get(`/form-templates/${id}`)
            .set(await otherFirm())
        ).status,
      ).toBe(404);
    });

    it('answers 400 naming the bad question', async () => {
      const res = await http()
        .post('/form-templates')
        .set(suite.auth)
        .send({
          name: 'F',
          sections: [{ title: 'S', questions: [{ key: 'q', label: 'Q', type: 'radio' }] }],
        });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { field: 'sections.0.questions.0.type', message: expect.stringContaining('must be one of') },
      ]);
    });
  });

  describe('the connector catalog', () => {
    it('lists every connector with its settings schema, secrets marked', async () => {
      const res = await http().get('/connectors').set(suite.auth);
      expect(res.status).toBe(200);
      const ids = res.body.items.map((c: { id: string }) => c.id);
      expect(ids).toEqual(
        expect.arrayContaining(['pennylane', 'acd', 'google-drive', 'dropbox', 'onedrive']),
      );
      expect(res.body.total).toBe(ids.length);

      const pennylane = await http().get('/connectors/pennylane').set(suite.auth);
      expect(pennylane.body).toMatchObject({
        id: 'pennylane',
        name: 'Pennylane',
        description: expect.any(String),
      });
      expect(pennylane.body.settings).toContainEqual(
        expect.objectContaining({ key: 'apiToken', type: 'string', required: true, secret: true }),
      );
      const unknown = await http().get('/connectors/sage').set(suite.auth);
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('CONNECTOR_NOT_FOUND');
    });
  });

  describe('what the client wizard reads (command side)', () => {
    it('looks templates up in the event store, for their own firm only', async () => {
      const lookup = suite.h.app.get(TemplateLookup);
      const tenant = `lookup-${randomUUID()}`;
      const auth = { Authorization: `Bearer ${await suite.h.token('admin', tenant)}` };
      const created = await http()
        .post('/sheet-templates')
        .set(auth)
        .send({ name: 'Lookup', fields: [siren] });
      const id = created.body.id as string;
      expect(await lookup.sheetTemplate(id, tenant)).toEqual({
        templateId: id,
        name: 'Lookup',
        fields: [siren],
      });
      expect(await lookup.sheetTemplate(id, 'another-firm')).toBeNull();
      expect(await lookup.treeTemplate(id, tenant)).toBeNull();
      expect(await lookup.formTemplate(randomUUID(), tenant)).toBeNull();
      await http().delete(`/sheet-templates/${id}`).set(auth);
      expect(await lookup.sheetTemplate(id, tenant)).toBeNull();

      const catalog = suite.h.app.get(ConnectorCatalog);
      expect(catalog.find('dropbox')?.name).toBe('Dropbox');
      expect(catalog.find('nope')).toBeUndefined();
    });
  });
});
