import { randomUUID } from 'node:crypto';
import { useStandalone } from './support/standalone-app';

/** Issue 11 §2: reminders on a client, the "Rappels" tab (sending by the scheduler comes with its worker). */
describe('reminders on a client over HTTP (standalone)', () => {
  const suite = useStandalone();
  const http = () => suite.h.http();
  let last = 0;
  const admin = async (method: 'post' | 'patch' | 'delete', path: string, body?: object) => {
    const res = await http()[method](path).set(suite.auth).send(body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    last = Math.max(last, res.body.position ?? 0);
    return res;
  };
  const tab = (clientId: string, auth = suite.auth) =>
    http().get(`/clients/${clientId}/reminders`).set(auth).set('X-Min-Position', String(last));

  let clientId: string;
  let contactId: string;
  let collaboratorId: string;
  let templateId: string;
  const weekly = { every: { unit: 'week', count: 1 }, startAt: '2031-01-06', maxOccurrences: 3 };

  beforeAll(async () => {
    contactId = (
      await admin('post', '/contacts', {
        firstName: 'Zoé',
        lastName: 'Client',
        email: `zoe-${randomUUID()}@example.com`,
        language: 'en',
      })
    ).body.id;
    collaboratorId = (
      await admin('post', '/collaborators', {
        firstName: 'Paul',
        lastName: 'Staff',
        email: `paul-${randomUUID()}@example.com`,
      })
    ).body.id;
    clientId = (
      await admin('post', '/clients', {
        name: `Rappels ${randomUUID()}`,
        contacts: [{ contactId, language: 'en', sendActivationEmail: false }],
        collaborators: [{ collaboratorId, access: 'read' }],
      })
    ).body.id;
    templateId = (
      await admin('post', '/reminder-templates', {
        name: 'Relance',
        texts: { fr: { subject: 'Rappel', body: 'Bonjour {{contact.firstName}}' } },
      })
    ).body.id;
  });

  it('POST -> the tab shows the next occurrence -> PATCH moves it -> send-now -> DELETE cancels', async () => {
    const created = await admin('post', `/clients/${clientId}/reminders`, {
      templateId,
      subject: { en: 'Reminder for {{client.name}}' },
      body: { en: 'Hello {{contact.firstName}}, by {{dueDate}}' },
      recipients: 'all',
      schedule: weekly,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: clientId,
      revision: expect.any(Number),
      position: expect.any(Number),
      reminderId: expect.any(String),
    });
    const { reminderId } = created.body;

    const shown = await tab(clientId);
    expect(shown.status).toBe(200);
    expect(shown.body.items).toEqual([
      expect.objectContaining({
        reminderId,
        templateId,
        templateName: 'Relance',
        texts: {
          fr: { subject: 'Rappel', body: 'Bonjour {{contact.firstName}}' },
          en: {
            subject: 'Reminder for {{client.name}}',
            body: 'Hello {{contact.firstName}}, by {{dueDate}}',
          },
        },
        recipients: 'all',
        schedule: { kind: 'every', ...weekly, until: null },
        calendar: { timeZone: 'Europe/Paris', sendHour: '09:00' },
        status: 'active',
        // Monday 6 January 2031, 09:00 in Paris (winter time).
        nextOccurrence: { occurrence: 0, dueAt: '2031-01-06T08:00:00.000Z' },
        history: [],
      }),
    ]);

    await admin('patch', `/clients/${clientId}/reminders/${reminderId}`, {
      schedule: { at: '2031-05-01T10:00:00+02:00' },
    });
    const moved = await tab(clientId);
    expect(moved.body.items[0]).toMatchObject({
      schedule: { kind: 'at', at: '2031-05-01T08:00:00.000Z' },
      nextOccurrence: { occurrence: 0, dueAt: '2031-05-01T08:00:00.000Z' },
    });

    const now = await http().post(`/clients/${clientId}/reminders/${reminderId}/send-now`).set(suite.auth);
    expect(now.status).toBe(200);
    last = now.body.position;
    expect((await tab(clientId)).body.items[0].history).toEqual([
      {
        kind: 'now',
        occurrence: 0,
        dueAt: expect.any(String),
        at: expect.any(String),
        status: 'sent',
        late: false,
        reason: null,
        recipients: [
          { contactId, language: 'en', delivery: expect.objectContaining({ status: expect.any(String) }) },
        ],
      },
    ]);

    const cancelled = await admin('delete', `/clients/${clientId}/reminders/${reminderId}`);
    expect(cancelled.status).toBe(200);
    expect((await tab(clientId)).body.items[0]).toMatchObject({ status: 'cancelled', nextOccurrence: null });
    const again = await http()
      .patch(`/clients/${clientId}/reminders/${reminderId}`)
      .set(suite.auth)
      .send({ recipients: [contactId] });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('REMINDER_ENDED');
  });

  it('400s name each bad field; an unknown reminder is a 404', async () => {
    const res = await http()
      .post(`/clients/${clientId}/reminders`)
      .set(suite.auth)
      .send({
        templateId,
        subject: { klingon: 'x' },
        recipients: ['not-a-uuid'],
        schedule: { every: { unit: 'year', count: 0 }, startAt: 'soon' },
      });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'subject.klingon',
      'recipients[0]',
      'schedule.every.unit',
      'schedule.every.count',
      'schedule.startAt',
    ]);
    const stranger = await http()
      .post(`/clients/${clientId}/reminders`)
      .set(suite.auth)
      .send({ templateId, recipients: [randomUUID()], schedule: { at: '2020-01-01T00:00:00Z' } });
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'recipients[0]',
      'schedule.at',
    ]);
    const unknown = await http()
      .patch(`/clients/${clientId}/reminders/${randomUUID()}`)
      .set(suite.auth)
      .send({ recipients: 'all' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('REMINDER_NOT_FOUND');
  });

  it('collaborators see the tab without a revision, writing needs full access; contacts never; another firm sees no client', async () => {
    const bearer = async (role: 'contact' | 'collaborator', sub: string) => ({
      Authorization: `Bearer ${await suite.h.token(role, undefined, sub)}`,
    });
    const reader = await bearer('collaborator', collaboratorId);
    const seen = await tab(clientId, reader);
    expect(seen.status).toBe(200);
    expect(seen.body.revision).toBeNull();
    const readOnly = await http()
      .post(`/clients/${clientId}/reminders`)
      .set(reader)
      .send({ templateId, recipients: 'all', schedule: weekly });
    expect(readOnly.status).toBe(403);
    const contact = await bearer('contact', contactId);
    expect((await tab(clientId, contact)).status).toBe(403);
    const refused = await http()
      .post(`/clients/${clientId}/reminders`)
      .set(contact)
      .send({ templateId, recipients: 'all', schedule: weekly });
    expect(refused.status).toBe(403);
    const outsider = await bearer('collaborator', randomUUID());
    expect((await tab(clientId, outsider)).status).toBe(404);
    const other = { Authorization: `Bearer ${await suite.h.token('admin', 'other-firm')}` };
    expect((await tab(clientId, other)).status).toBe(404);
  });
});
