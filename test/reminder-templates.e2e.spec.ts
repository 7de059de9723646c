import { randomUUID } from 'node:crypto';
import type { Role } from '@dossiers/platform';
import { useStandalone } from './support/standalone-app';

/** Issue 11 §1 and §3: reminder templates, the firm's calendar and name, form templates' delivery. */
describe('reminder templates, firm calendar and form delivery over HTTP (standalone)', () => {
  const suite = useStandalone();
  const http = () => suite.h.http();
  const at = (position: number) => ({ 'X-Min-Position': String(position) });
  const as = async (role: Role, tenant?: string) => ({
    Authorization: `Bearer ${await suite.h.token(role, tenant)}`,
  });

  const fr = {
    subject: 'Pièces manquantes : {{client.name}}',
    body: 'Bonjour {{contact.firstName}},\n\nMerci.',
  };
  const en = { subject: 'Missing documents', body: 'Hello {{contact.firstName}}, due {{dueDate}}.' };

  describe('reminder templates', () => {
    it('creates, lists, reads, replaces (If-Match) and deletes a template', async () => {
      const created = await http()
        .post('/reminder-templates')
        .set(suite.auth)
        .send({ name: ' Relance pièces ', texts: { en, fr } });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.any(String), revision: 0, position: expect.any(Number) });
      const id = created.body.id as string;

      const read = await http()
        .get(`/reminder-templates/${id}`)
        .set(suite.auth)
        .set(at(created.body.position));
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"0"');
      expect(read.body).toEqual({
        id,
        name: 'Relance pièces',
        texts: { fr, en },
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        revision: 0,
      });
      const list = await http().get('/reminder-templates').set(suite.auth);
      expect(list.status).toBe(200);
      expect(list.body.items).toContainEqual({
        id,
        name: 'Relance pièces',
        languages: ['fr', 'en'],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(list.body.total).toBe(list.body.items.length);

      const de = { subject: 'Fehlende Unterlagen', body: 'Hallo {{contact.lastName}}, {{attributes.siren}}' };
      const stale = await http()
        .put(`/reminder-templates/${id}`)
        .set(suite.auth)
        .set('If-Match', '"7"')
        .send({ name: 'Relance v2', texts: { fr, de } });
      expect(stale.status).toBe(412);
      const replaced = await http()
        .put(`/reminder-templates/${id}`)
        .set(suite.auth)
        .set('If-Match', read.headers.etag)
        .send({ name: 'Relance v2', texts: { fr, de } });
      expect(replaced.status).toBe(200);
      expect(replaced.body.revision).toBe(1);
      const again = await http()
        .get(`/reminder-templates/${id}`)
        .set(suite.auth)
        .set(at(replaced.body.position));
      expect(again.body).toMatchObject({ name: 'Relance v2', texts: { fr, de }, revision: 1 });
      expect(again.headers.etag).toBe('"1"');
      const unchanged = await http()
        .put(`/reminder-templates/${id}`)
        .set(suite.auth)
        .send({ name: 'Relance v2', texts: { de, fr } });
      expect(unchanged.body.revision).toBe(1);

      const deleted = await http().delete(`/reminder-templates/${id}`).set(suite.auth);
      expect(deleted.status).toBe(200);
      const gone = await http()
        .get(`/reminder-templates/${id}`)
        .set(suite.auth)
        .set(at(deleted.body.position));
      expect(gone.status).toBe(404);
      expect(gone.body.code).toBe('REMINDER_TEMPLATE_NOT_FOUND');
      expect((await http().get('/reminder-templates').set(suite.auth)).body.items).not.toContainEqual(
        expect.objectContaining({ id }),
      );
      expect(
        (await http().put(`/reminder-templates/${id}`).set(suite.auth).send({ name: 'x', texts: { fr } }))
          .status,
      ).toBe(404);
      expect((await http().delete(`/reminder-templates/${id}`).set(suite.auth)).status).toBe(404);
    });

    it('answers 400 naming the field and the placeholder, and stores nothing', async () => {
      const res = await http()
        .post('/reminder-templates')
        .set(suite.auth)
        .send({
          name: 'Relance',
          texts: {
            fr: { subject: 'Dossier {{client.nom}}', body: 'Bonjour {{contact.firstName}' },
            en: { subject: 'Hi', body: 'Hello {{ {{dueDate}} }}' },
          },
        });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
      expect(res.body.errors).toEqual([
        {
          field: 'texts.fr.subject',
          message: expect.stringContaining('unknown placeholder "{{client.nom}}"'),
        },
        {
          field: 'texts.fr.body',
          message: expect.stringContaining('"{{" without "}}" in "{{contact.firstName}"'),
        },
        {
          field: 'texts.en.body',
          message: expect.stringContaining('nested placeholder "{{ {{dueDate}} }}"'),
        },
      ]);
      const languages = await http()
        .post('/reminder-templates')
        .set(suite.auth)
        .send({ name: ' ', texts: { de: fr, pt: fr } });
      expect(languages.status).toBe(400);
      expect(languages.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'name',
        'texts.pt',
        'texts',
      ]);
      const missing = await http().post('/reminder-templates').set(suite.auth).send({ name: 'Sans textes' });
      expect(missing.status).toBe(400);
      expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['texts']);
      expect((await http().get('/reminder-templates').set(suite.auth)).body.items).not.toContainEqual(
        expect.objectContaining({ name: 'Sans textes' }),
      );
    });

    it('lets the firm staff who write templates write them, others only read or nothing', async () => {
      const body = { name: 'Par rôle', texts: { fr } };
      const byCollaborator = await http()
        .post('/reminder-templates')
        .set(await as('collaborator'))
        .send(body);
      expect(byCollaborator.status).toBe(201);
      const id = byCollaborator.body.id as string;
      for (const role of ['auditor', 'contact'] as const) {
        const auth = await as(role);
        expect((await http().post('/reminder-templates').set(auth).send(body)).status).toBe(403);
        expect((await http().put(`/reminder-templates/${id}`).set(auth).send(body)).status).toBe(403);
        expect((await http().delete(`/reminder-templates/${id}`).set(auth)).status).toBe(403);
      }
      const auditor = await http()
        .get(`/reminder-templates/${id}`)
        .set(await as('auditor'))
        .set(at(byCollaborator.body.position));
      expect(auditor.status).toBe(200);
      expect(
        (
          await http()
            .get('/reminder-templates')
            .set(await as('contact'))
        ).status,
      ).toBe(403);
    });

    it("answers 404 for another firm's template, on every route", async () => {
      const created = await http()
        .post('/reminder-templates')
        .set(suite.auth)
        .send({ name: 'Privée', texts: { fr } });
      const id = created.body.id as string;
      const other = await as('admin', `other-${randomUUID()}`);
      expect(
        (await http().get(`/reminder-templates/${id}`).set(other).set(at(created.body.position))).status,
      ).toBe(404);
      expect(
        (await http().put(`/reminder-templates/${id}`).set(other).send({ name: 'x', texts: { fr } })).status,
      ).toBe(404);
      expect((await http().delete(`/reminder-templates/${id}`).set(other)).status).toBe(404);
      expect((await http().get('/reminder-templates').set(other)).body).toEqual({ items: [], total: 0 });
    });
  });

  describe("the firm's calendar and name (settings)", () => {
    it('shows the defaults until the firm states its settings, then what it stated', async () => {
      const tenant = `calendar-${randomUUID()}`;
      const admin = await as('admin', tenant);
      const fresh = await http().get('/settings').set(admin);
      expect(fresh.status).toBe(200);
      expect(fresh.headers.etag).toBeUndefined();
      expect(fresh.body).toEqual({
        newFolderDefault: 'inherit',
        timeZone: 'Europe/Paris',
        sendHour: '09:00',
        firmName: '',
        updatedAt: null,
        revision: null,
      });

      const changed = await http()
        .put('/settings')
        .set(admin)
        .send({ timeZone: 'america/new_york', sendHour: '18:30', firmName: ' Cabinet Dupont ' });
      expect(changed.status).toBe(200);
      const read = await http().get('/settings').set(admin).set(at(changed.body.position));
      expect(read.headers.etag).toBe('"0"');
      expect(read.body).toEqual({
        newFolderDefault: 'inherit',
        timeZone: 'America/New_York',
        sendHour: '18:30',
        firmName: 'Cabinet Dupont',
        updatedAt: expect.any(String),
        revision: 0,
      });

      const stale = await http()
        .put('/settings')
        .set(admin)
        .set('If-Match', '"5"')
        .send({ sendHour: '07:00' });
      expect(stale.status).toBe(412);
      const locked = await http()
        .put('/settings')
        .set(admin)
        .set('If-Match', read.headers.etag)
        .send({ newFolderDefault: 'locked' });
      const after = await http()
        .get('/settings')
        .set(await as('collaborator', tenant))
        .set(at(locked.body.position));
      expect(after.status).toBe(200);
      expect(after.body).toMatchObject({
        newFolderDefault: 'locked',
        timeZone: 'America/New_York',
        revision: 1,
      });
    });

    it('keeps each setting an absent field leaves alone', async () => {
      const tenant = `keep-${randomUUID()}`;
      const admin = await as('admin', tenant);
      await http().put('/settings').set(admin).send({ sendHour: '08:15', firmName: 'Cabinet' });
      const locked = await http().put('/settings').set(admin).send({ newFolderDefault: 'locked' });
      const read = await http().get('/settings').set(admin).set(at(locked.body.position));
      expect(read.body).toMatchObject({
        newFolderDefault: 'locked',
        timeZone: 'Europe/Paris',
        sendHour: '08:15',
        firmName: 'Cabinet',
        revision: 1,
      });
    });

    it('answers 400 naming every bad setting, and changes nothing', async () => {
      const admin = await as('admin', `bad-${randomUUID()}`);
      const res = await http()
        .put('/settings')
        .set(admin)
        .send({ timeZone: 'Europe/Atlantis', sendHour: '9h', firmName: 'x'.repeat(201) });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { field: 'timeZone', message: 'must be an IANA time zone (Europe/Paris)' },
        { field: 'sendHour', message: 'must be a time HH:MM from 00:00 to 23:59' },
        { field: 'firmName', message: 'must be 1-200 characters' },
      ]);
      for (const body of [
        { timeZone: '+01:00' },
        { sendHour: '24:00' },
        { timeZone: null },
        { sendHour: 900 },
      ]) {
        const refused = await http().put('/settings').set(admin).send(body);
        expect(refused.status).toBe(400);
        expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(Object.keys(body));
      }
      expect((await http().get('/settings').set(admin)).body.revision).toBeNull();
      const collaborator = await as('collaborator');
      expect((await http().put('/settings').set(collaborator).send({ sendHour: '10:00' })).status).toBe(403);
    });
  });

  describe('form templates: target folder and messages', () => {
    const sections = [
      { title: 'Paie', questions: [{ key: 'headcount', label: 'Effectif', type: 'number' }] },
    ];

    it('keeps the folder the report is filed in and the message per language', async () => {
      const created = await http()
        .post('/form-templates')
        .set(suite.auth)
        .send({
          name: 'Variables de paie',
          sections,
          targetFolderPath: ' Social / Questionnaires ',
          messages: {
            fr: 'Bonjour {{contact.firstName}}, merci de répondre avant le {{dueDate}}.',
            en: 'Hello',
          },
        });
      expect(created.status).toBe(201);
      const read = await http()
        .get(`/form-templates/${created.body.id}`)
        .set(suite.auth)
        .set(at(created.body.position));
      expect(read.body).toMatchObject({
        name: 'Variables de paie',
        targetFolderPath: 'Social/Questionnaires',
        messages: {
          fr: 'Bonjour {{contact.firstName}}, merci de répondre avant le {{dueDate}}.',
          en: 'Hello',
        },
      });

      const plain = await http().post('/form-templates').set(suite.auth).send({ name: 'Simple', sections });
      const root = await http()
        .get(`/form-templates/${plain.body.id}`)
        .set(suite.auth)
        .set(at(plain.body.position));
      expect(root.body).toMatchObject({ targetFolderPath: null, messages: {} });
    });

    it('answers 400 naming the bad folder segment, language and placeholder', async () => {
      const res = await http()
        .post('/form-templates')
        .set(suite.auth)
        .send({
          name: 'Mauvais',
          sections,
          targetFolderPath: 'Social/../Paie',
          messages: { fr: 'Bonjour {{contact.email}}', pt: 'Olá' },
        });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { field: 'targetFolderPath', message: "folder 2 must not be '.' or '..'" },
        { field: 'messages.fr', message: expect.stringContaining('unknown placeholder "{{contact.email}}"') },
        { field: 'messages.pt', message: expect.stringContaining('is not a language') },
      ]);
      const types = await http()
        .post('/form-templates')
        .set(suite.auth)
        .send({ name: 'Types', sections, targetFolderPath: 7, messages: 'Bonjour' });
      expect(types.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'targetFolderPath',
        'messages',
      ]);
    });
  });
});
