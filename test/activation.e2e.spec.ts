import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import type { Language, NewEvent } from '@dossiers/events';
import { startStandalone, type StandaloneHarness } from './support/standalone-app';
import { startTestSmtpServer, type TestSmtpServer } from '../libs/notifications/src/testing/test-smtp-server';

const password = 'correct horse battery staple';

/** Appends what the client commands would (contact, client, invitation) straight to the app's event store. */
async function invite(h: StandaloneHarness, tenant: string, language: Language, invitedAt = new Date()) {
  const store = h.app.get<EventStore>(EVENT_STORE);
  const event = (type: string, data: object): NewEvent =>
    ({
      id: randomUUID(),
      type,
      schemaVersion: 1,
      data,
      metadata: {
        tenant,
        actor: 'admin-1',
        correlationId: randomUUID(),
        causationId: null,
        occurredAt: invitedAt.toISOString(),
      },
    }) as NewEvent;
  const contactId = randomUUID();
  const clientId = randomUUID();
  const email = `${contactId.slice(0, 8)}@example.com`;
  await store.append(
    `contact-${contactId}`,
    [
      event('ContactCreated', {
        contactId,
        firstName: 'Zoé',
        lastName: 'Dupré',
        email,
        phone: null,
        language,
      }),
    ],
    'no_stream',
  );
  const invited = event('ContactInvited', { clientId, contactId, language });
  await store.append(
    `client-${clientId}`,
    [
      event('ClientCreated', { clientId, name: 'Boulangerie Dupont', groupId: null, attributes: {} }),
      invited,
    ],
    'no_stream',
  );
  return { contactId, clientId, email, invitationId: invited.id };
}

describe('activation emails and contact activation (standalone, embedded outbox)', () => {
  const tenant = `firm-${randomUUID().slice(0, 8)}`;
  let h: StandaloneHarness;
  let admin: { Authorization: string };

  beforeAll(async () => {
    h = await startStandalone();
    admin = { Authorization: `Bearer ${await h.token('admin', tenant)}` };
  });
  afterAll(() => h.close());

  /** Polls GET /outbox until the invitation's mail is sent; its token is the link's. */
  async function sentMail(invitationId: string) {
    const deadline = Date.now() + 5000;
    for (;;) {
      const res = await h.http().get('/outbox').set(admin);
      expect(res.status).toBe(200);
      const item = res.body.items.find((i: { id: string }) => i.id === invitationId);
      if (item?.status === 'sent') {
        const token = new URL(item.message.link).searchParams.get('token')!;
        return { item, token };
      }
      if (Date.now() > deadline) throw new Error(`mail ${invitationId} not sent: ${JSON.stringify(item)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const activate = (token: string, body: object = { password }) =>
    h
      .http()
      .post(`/activations/${encodeURIComponent(token)}`)
      .send(body);

  it('lists the activation mail in the outbox, to admins only', async () => {
    const { invitationId, contactId, clientId, email } = await invite(h, tenant, 'fr');
    const { item } = await sentMail(invitationId);
    expect(item).toMatchObject({
      id: invitationId,
      kind: 'activation',
      contactId,
      clientId,
      language: 'fr',
      status: 'sent',
      attempts: 1,
      messageId: expect.stringContaining(invitationId),
      message: {
        to: email,
        language: 'fr',
        subject: "Activez votre accès à l'espace documentaire de Boulangerie Dupont",
      },
    });
    expect(item.message.link).toMatch(/^http:\/\/localhost:3000\/activate\?token=/);
    expect(item.message.text).toContain('Bonjour Zoé,');
    expect(item.message.text).toContain(item.message.link);
    expect(item.message.html).toContain('Boulangerie Dupont');

    const filtered = await h.http().get('/outbox?status=failed').set(admin);
    expect(filtered.body.items.find((i: { id: string }) => i.id === invitationId)).toBeUndefined();
    const collaborator = await h.token('collaborator', tenant);
    const forbidden = await h
      .http()
      .get('/outbox')
      .set({ Authorization: `Bearer ${collaborator}` });
    expect(forbidden.status).toBe(403);
    const otherFirm = await h.token('admin', 'another-firm');
    const elsewhere = await h
      .http()
      .get('/outbox')
      .set({ Authorization: `Bearer ${otherFirm}` });
    expect(elsewhere.body).toEqual({ items: [], total: 0 });
    expect((await h.http().get('/outbox?pageSize=0').set(admin)).status).toBe(400);
  });

  it('sends the email a client creation asks for (sendActivationEmail), and its link activates the contact', async () => {
    const created = await h
      .http()
      .post('/clients')
      .set(admin)
      .send({
        name: 'Garage Moreau',
        contacts: [
          {
            firstName: 'Léa',
            lastName: 'Moreau',
            email: 'lea@example.com',
            language: 'fr',
            sendActivationEmail: true,
          },
          {
            firstName: 'Max',
            lastName: 'Moreau',
            email: 'max@example.com',
            language: 'fr',
            sendActivationEmail: false,
          },
        ],
      });
    expect(created.status).toBe(201);
    const events = await h.app.get<EventStore>(EVENT_STORE).readStream(`client-${created.body.id}`);
    const invitations = events.filter((e) => e.type === 'ContactInvited');
    expect(invitations).toHaveLength(1);
    const { item, token } = await sentMail(invitations[0].id);
    expect(item.message).toMatchObject({ to: 'lea@example.com', language: 'fr' });
    expect(item.message.text).toMatch(/^Bonjour Léa,/);
    expect((await activate(token)).status).toBe(200);
  });

  it('sends no mail when a contact already activated is invited again, and lists the delivery as skipped', async () => {
    const { invitationId, contactId, clientId } = await invite(h, tenant, 'fr');
    const { token } = await sentMail(invitationId);
    expect((await activate(token)).status).toBe(200);

    const reinvited = await h
      .http()
      .post(`/clients/${clientId}/contacts`)
      .set(admin)
      .send({ contactId, language: 'fr', sendActivationEmail: true });
    expect(reinvited.status).toBeLessThan(300);
    const events = await h.app.get<EventStore>(EVENT_STORE).readStream(`client-${clientId}`);
    const [, again] = events.filter((e) => e.type === 'ContactInvited');
    expect(again).toBeDefined();

    const deadline = Date.now() + 5000;
    let skipped: { status: string } | undefined;
    while (!skipped) {
      const res = await h.http().get('/outbox?status=skipped').set(admin);
      expect(res.status).toBe(200);
      skipped = res.body.items.find((i: { id: string }) => i.id === again.id);
      if (!skipped && Date.now() > deadline) throw new Error('the second invitation was not skipped');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(skipped).toMatchObject({
      status: 'skipped',
      lastError: 'contact already active',
      sentAt: null,
      message: null,
    });
  });

  it('activates the contact once through the link, keeping neither the password nor its hash in clear', async () => {
    const { invitationId, contactId, clientId } = await invite(h, tenant, 'en');
    const { token } = await sentMail(invitationId);

    const first = await activate(token);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ id: contactId, revision: 1, position: expect.any(Number) });

    const again = await activate(token);
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('ACTIVATION_TOKEN_USED');

    const events = await h.app.get<EventStore>(EVENT_STORE).readStream(`contact-${contactId}`);
    const activated = events.find((e) => e.type === 'ContactActivated')!;
    expect(activated.metadata).toMatchObject({ tenant, actor: `contact:${contactId}` });
    expect(activated.data).toEqual({
      contactId,
      invitationId,
      // the client whose invitation was used: its activity log records the activation
      clientId,
      credential: {
        keyId: expect.any(String),
        iv: expect.any(String),
        tag: expect.any(String),
        data: expect.any(String),
      },
    });
    const stored = JSON.stringify(activated);
    expect(stored).not.toContain(password);
    expect(stored).not.toContain('scrypt');
  });

  it('answers 404 to a tampered link, 400 to a short password and 410 to an expired link', async () => {
    const { invitationId } = await invite(h, tenant, 'de');
    const { token } = await sentMail(invitationId);
    const [payload, signature] = token.split('.');
    const tampered = `${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const invalid = await activate(tampered);
    expect(invalid.status).toBe(404);
    expect(invalid.body.code).toBe('ACTIVATION_TOKEN_INVALID');
    expect((await activate('not-a-token')).status).toBe(404);

    const short = await activate(token, { password: 'too short' });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([{ field: 'password', message: expect.stringMatching(/12 to 200/) }]);

    // Invited 8 days ago: the link (valid 7 days by default) has expired.
    const old = await invite(h, tenant, 'fr', new Date(Date.now() - 8 * 24 * 3600 * 1000));
    const expired = await activate((await sentMail(old.invitationId)).token);
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('ACTIVATION_TOKEN_EXPIRED');
    // The short password and the expired link changed nothing: the first link still works.
    expect((await activate(token)).status).toBe(200);
  });
});

describe('activation emails over SMTP (standalone with SMTP_URL)', () => {
  const tenant = `firm-${randomUUID().slice(0, 8)}`;
  let smtp: TestSmtpServer;
  let h: StandaloneHarness;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    h = await startStandalone({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://portal.example.com' });
  });
  afterAll(async () => {
    await h.close();
    await smtp.close();
  });

  it('sends the mail through the relay and lists it in the outbox without its body', async () => {
    const { invitationId, email } = await invite(h, tenant, 'en');
    const admin = { Authorization: `Bearer ${await h.token('admin', tenant)}` };
    const deadline = Date.now() + 5000;
    let item: { status: string; message: Record<string, unknown> } | undefined;
    while (item?.status !== 'sent') {
      if (Date.now() > deadline) throw new Error(`mail not sent: ${JSON.stringify(item)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const res = await h.http().get('/outbox').set(admin);
      item = res.body.items.find((i: { id: string }) => i.id === invitationId);
    }
    expect(item.message).toEqual({ to: email, subject: expect.any(String), language: 'en' });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toEqual([email]);
    const link = /https:\/\/portal\.example\.com\/activate\?token=([\w.%-]+)/.exec(smtp.received[0].text)![1];
    const res = await h.http().post(`/activations/${link}`).send({ password });
    expect(res.status).toBe(200);
  });
});
