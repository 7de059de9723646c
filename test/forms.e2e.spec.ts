import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@dossiers/application';
import { SendReminderOccurrenceCommand } from '../apps/command-api/src/clients/reminders/send-reminder-occurrence/send-reminder-occurrence.command';
import { useStandalone } from './support/standalone-app';

/** The firm of a bearer token (the suite's own). */
const tenantOf = (authorization: string): string =>
  (JSON.parse(Buffer.from(authorization.split('.')[1], 'base64url').toString()) as { tenant: string }).tenant;

/** Issue 11 §3: a form sent, mailed with its link, answered through it, filed as a report; reminders chasing it stop. */
describe('forms end to end (standalone, embedded outbox)', () => {
  const suite = useStandalone();
  const http = () => suite.h.http();
  let last = 0;
  const admin = async (method: 'post' | 'put', path: string, body?: object) => {
    const res = await http()[method](path).set(suite.auth).send(body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    last = Math.max(last, res.body.position ?? 0);
    return res;
  };
  const get = (path: string) => http().get(path).set(suite.auth).set('X-Min-Position', String(last));

  /** Polls until `pick` finds what it looks for in GET `path` (the projector and the mail sender run beside). */
  async function poll<T>(path: string, pick: (body: never) => T | undefined): Promise<T> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const res = await get(path);
      const found = res.status === 200 ? pick(res.body as never) : undefined;
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`${path}: nothing found in ${JSON.stringify(res.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  let clientId: string;
  let contactId: string;
  let formTemplateId: string;

  beforeAll(async () => {
    contactId = (
      await admin('post', '/contacts', {
        firstName: 'Zoé',
        lastName: 'Client',
        email: `zoe-${randomUUID()}@example.com`,
        language: 'fr',
      })
    ).body.id;
    clientId = (
      await admin('post', '/clients', {
        name: `Formulaires ${randomUUID()}`,
        // The client writes to her in English.
        contacts: [{ contactId, language: 'en', sendActivationEmail: false }],
      })
    ).body.id;
    formTemplateId = (
      await admin('post', '/form-templates', {
        name: 'KYC',
        targetFolderPath: 'Social/Questionnaires',
        messages: {
          fr: 'Bonjour {{contact.firstName}}',
          en: 'Hello {{contact.firstName}} of {{client.name}}',
        },
        sections: [
          {
            title: 'Company',
            questions: [
              { key: 'siren', label: 'SIREN', type: 'text', required: true },
              { key: 'staff', label: 'Staff', type: 'number', required: false },
              { key: 'regime', label: 'Tax regime', type: 'select', options: ['IS', 'IR'], required: true },
            ],
          },
        ],
      })
    ).body.id;
  });

  it('sent -> mailed in her language with a link -> questions -> draft -> 400 -> report filed -> 410 -> answered', async () => {
    const sent = await admin('post', `/clients/${clientId}/forms`, {
      formTemplateId,
      recipients: [contactId],
    });
    expect(sent.status).toBe(201);
    const { formId } = sent.body;

    const mail = await poll(
      '/outbox',
      (body: {
        items: {
          kind: string;
          contactId: string;
          status: string;
          message: { language: string; text: string; link: string };
        }[];
      }) => body.items.find((i) => i.kind === 'form' && i.contactId === contactId && i.status === 'sent'),
    );
    expect(mail.message.language).toBe('en');
    expect(mail.message.text).toContain('Hello Zoé of Formulaires');
    expect(mail.message.link).toMatch(/^http:\/\/[^/]+\/forms\/[^/]+$/);
    const token = mail.message.link.split('/forms/')[1];
    const link = (suffix = '') => `/forms/${token}${suffix}`;

    const opened = await http().get(link());
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ formId, title: 'KYC', draft: null });
    expect(opened.body.sections[0].questions.map((q: { key: string }) => q.key)).toEqual([
      'siren',
      'staff',
      'regime',
    ]);
    expect((await http().get('/forms/not-a-token')).status).toBe(404);

    expect(
      (
        await http()
          .put(link('/draft'))
          .send({ answers: { staff: 4 } })
      ).status,
    ).toBe(200);
    const badDraft = await http()
      .put(link('/draft'))
      .send({ answers: { staff: 'four' } });
    expect(badDraft.status).toBe(400);
    expect((await http().get(link())).body.draft).toEqual({ staff: 4 });

    const invalid = await http()
      .post(link('/answers'))
      .send({ answers: { staff: 'x', regime: 'SA' } });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body)).toContain('answers.siren');
    expect(JSON.stringify(invalid.body)).toContain('answers.staff');
    expect(JSON.stringify(invalid.body)).toContain('answers.regime');

    const answered = await http()
      .post(link('/answers'))
      .send({ answers: { siren: '552120222', regime: 'IS' } });
    expect(answered.status).toBe(201);
    const { fileId } = answered.body;

    // The report is a file of the client in Social/Questionnaires, with the usual rights.
    const folder = await poll(
      `/clients/${clientId}/folders`,
      (body: { items: { id: string; path: string }[] }) =>
        body.items.find((f) => f.path === 'Social/Questionnaires'),
    );
    const files = await get(`/clients/${clientId}/folders/${folder.id}/files`);
    expect(files.status).toBe(200);
    expect(JSON.stringify(files.body)).toContain(fileId);
    const access = await get(`/clients/${clientId}/folders/${folder.id}/access`);
    expect(access.status).toBe(200);
    const content = await get(`/clients/${clientId}/files/${fileId}/content`);
    expect(content.status).toBe(200);
    expect(content.headers['content-type']).toContain('spreadsheetml');

    expect(
      (
        await http()
          .post(link('/answers'))
          .send({ answers: { siren: '1', regime: 'IS' } })
      ).status,
    ).toBe(410);
    expect((await http().get(link())).status).toBe(410);
    expect((await http().put(link('/draft')).send({ answers: {} })).status).toBe(410);

    const tab = await poll(
      `/clients/${clientId}/forms`,
      (body: { items: { formId: string; status: string }[] }) =>
        body.items.find((f) => f.formId === formId && f.status === 'answered'),
    );
    expect(tab).toMatchObject({
      title: 'KYC',
      answeredBy: contactId,
      answers: { siren: '552120222', regime: 'IS' },
      reportFileId: fileId,
      recipients: [{ contactId, language: 'en' }],
    });
  });

  it('a reminder chasing an answered form skips its occurrence with form_answered', async () => {
    const { formId } = (await admin('post', `/clients/${clientId}/forms`, { formTemplateId })).body;
    const mail = await poll(
      '/outbox',
      (body: { items: { kind: string; status: string; message: { link: string } | null }[] }) =>
        body.items.find((i) => i.kind === 'form' && i.status === 'sent' && !!i.message),
    );
    expect(mail).toBeDefined();
    const templateId = (
      await admin('post', '/reminder-templates', {
        name: 'Relance',
        texts: { en: { subject: 'S', body: 'B' } },
      })
    ).body.id;
    const at = new Date(Date.now() + 3600_000).toISOString();
    const { reminderId } = (
      await admin('post', `/clients/${clientId}/reminders`, {
        templateId,
        recipients: 'all',
        schedule: { at },
        formId,
      })
    ).body;
    // Answered through the form's own link (the newest form mail's).
    const forms = await poll(
      '/outbox',
      (body: {
        items: { kind: string; status: string; message: { link: string } | null; createdAt: string }[];
      }) => {
        const mails = body.items.filter((i) => i.kind === 'form' && i.status === 'sent');
        return mails.length >= 2 ? mails : undefined;
      },
    );
    const newest = forms.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    const token = newest.message!.link.split('/forms/')[1];
    expect(
      (
        await http()
          .post(`/forms/${token}/answers`)
          .send({ answers: { siren: '1', regime: 'IR' } })
      ).status,
    ).toBe(201);

    const context: CommandContext = {
      tenant: tenantOf(suite.auth.Authorization),
      actor: 'reminder-scheduler',
      role: 'service',
      correlationId: randomUUID(),
      causationId: null,
      now: at,
      eventId: () => randomUUID(),
      newId: () => randomUUID(),
    };
    await suite.h.app
      .get(CommandBus)
      .execute(new SendReminderOccurrenceCommand(clientId, reminderId, 0, context));
    const skipped = await poll(
      `/clients/${clientId}/reminders`,
      (body: { items: { reminderId: string; history: { status: string; reason: string | null }[] }[] }) =>
        body.items.find((r) => r.reminderId === reminderId && r.history.length > 0)?.history[0],
    );
    expect(skipped).toMatchObject({ status: 'skipped', reason: 'form_answered' });
  });
});
