import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Aggregates, EventStreams } from '@dossiers/application';
import { normalizeText } from '@dossiers/domain';
import type { EventMetadata, Language, NewEvent } from '@dossiers/events';
import { SqliteEventStore, type EventStore } from '@dossiers/event-store';
import { SqliteReadStore, type ReadStore } from '@dossiers/read-store';
import { ActivationTokens } from './activation-token/activation-token';
import { EmailVerificationTokens } from './email-verification/email-verification-token';
import { emailHashOf } from './signed-token/signed-tokens';
import { MAIL_DELIVERIES_COLLECTION, type MailDeliveryDoc } from './deliveries/mail-delivery.document';
import type { MailTransport } from './mail-transport.port';
import { MailReactor } from './reactor/mail-reactor';
import { createMailTransport } from './transports/create-mail-transport';
import { decodeHeader, startTestSmtpServer, type TestSmtpServer } from './testing/test-smtp-server';

const TENANT = 'firm-int';
const TTL_HOURS = 48;

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('mail reactor (real SMTP server, SQLite stores)', () => {
  let dir: string;
  let smtp: TestSmtpServer;
  let eventStore: EventStore;
  let readStore: ReadStore;
  let transport: MailTransport;
  let reactor: MailReactor;
  const tokens = new ActivationTokens(randomBytes(32));
  const verificationTokens = new EmailVerificationTokens(randomBytes(32));

  const openStores = () => {
    eventStore = new SqliteEventStore({
      filename: join(dir, 'events.db'),
      synchronous: 'NORMAL',
      pollIntervalMs: 20,
    });
    readStore = new SqliteReadStore({ filename: join(dir, 'read-models.db'), normalizeText });
  };
  const startReactor = async () => {
    transport = createMailTransport({
      smtpUrl: smtp.url,
      from: 'Cabinet Martin <no-reply@cabinet-martin.test>',
    });
    reactor = new MailReactor(eventStore, readStore, new Aggregates(new EventStreams(eventStore)), {
      mail: {
        from: 'Cabinet Martin <no-reply@cabinet-martin.test>',
        publicUrl: 'https://portal.cabinet-martin.test',
        activationTtlHours: TTL_HOURS,
      },
      transport,
      tokens,
      verificationTokens,
      retry: { baseMs: 20, maxMs: 100 },
      idlePollMs: 200,
    });
    await reactor.start();
  };
  const stopReactor = async () => {
    await reactor.stop();
    transport.close();
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mail-reactor-'));
    smtp = await startTestSmtpServer();
    openStores();
  });
  afterEach(async () => {
    await stopReactor();
    await Promise.all([eventStore.close(), readStore.close(), smtp.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const metadata = (): EventMetadata => ({
    tenant: TENANT,
    actor: 'admin-1',
    correlationId: randomUUID(),
    causationId: null,
    occurredAt: new Date().toISOString(),
  });
  const event = (type: string, data: object): NewEvent =>
    ({ id: randomUUID(), type, schemaVersion: 1, data, metadata: metadata() }) as NewEvent;

  async function createContact(firstName: string, email: string, language: Language) {
    const contactId = randomUUID();
    const data = { contactId, firstName, lastName: 'Durand', email, phone: null, language };
    await eventStore.append(`contact-${contactId}`, [event('ContactCreated', data)], 'no_stream');
    return contactId;
  }
  async function createClient(name: string) {
    const clientId = randomUUID();
    const data = { clientId, name, groupId: null, attributes: {} };
    await eventStore.append(`client-${clientId}`, [event('ClientCreated', data)], 'no_stream');
    return clientId;
  }
  async function invite(clientId: string, contactId: string, language: Language) {
    const invited = event('ContactInvited', { clientId, contactId, language });
    await eventStore.append(`client-${clientId}`, [invited], 'any');
    return invited;
  }
  const deliveries = () => readStore.collection<MailDeliveryDoc>(MAIL_DELIVERIES_COLLECTION).find({});
  const allSent = async (count: number) => {
    const docs = await deliveries();
    return docs.length === count && docs.every((d) => d.status === 'sent');
  };
  const tokenIn = (text: string) => {
    const match = /https:\/\/portal\.cabinet-martin\.test\/activate\?token=([A-Za-z0-9_.-]+)/.exec(text);
    return match ? tokens.verify(decodeURIComponent(match[1])) : null;
  };

  it('sends one activation email per invitation, in the chosen language, with a link that verifies', async () => {
    const clientId = await createClient('Boulangerie Dupont');
    const amelie = await createContact('Amélie', 'amelie@example.com', 'fr');
    const john = await createContact('John', 'john@example.com', 'en');
    const klaus = await createContact('Klaus', 'klaus@example.com', 'de');
    const invitations = [
      await invite(clientId, amelie, 'fr'),
      await invite(clientId, john, 'en'),
      await invite(clientId, klaus, 'de'),
    ];
    await startReactor();

    await waitFor(() => allSent(3), 'three mails sent');
    expect(smtp.received).toHaveLength(3);
    const byRecipient = Object.fromEntries(smtp.received.map((m) => [m.to[0], m]));

    const fr = byRecipient['amelie@example.com'];
    expect(decodeHeader(fr.headers.subject)).toBe(
      "Activez votre accès à l'espace documentaire de Boulangerie Dupont",
    );
    expect(fr.headers['content-language']).toBe('fr');
    expect(fr.text).toMatch(/^Bonjour Amélie,/);
    expect(fr.html).toContain('Boulangerie Dupont');
    expect(fr.headers['message-id']).toBe(`<${invitations[0].id}@cabinet-martin.test>`);
    expect(tokenIn(fr.text)).toEqual({
      tenant: TENANT,
      contactId: amelie,
      invitationId: invitations[0].id,
      clientId,
      emailHash: emailHashOf('amelie@example.com', 0),
      exp: Math.floor(Date.parse(invitations[0].metadata.occurredAt) / 1000) + TTL_HOURS * 3600,
    });

    const en = byRecipient['john@example.com'];
    expect(en.headers['content-language']).toBe('en');
    expect(en.text).toMatch(/^Hello John,/);
    expect(tokenIn(en.text)).toMatchObject({ contactId: john, invitationId: invitations[1].id });

    // German is not translated yet: English.
    const de = byRecipient['klaus@example.com'];
    expect(de.headers['content-language']).toBe('en');
    expect(de.text).toMatch(/^Hello Klaus,/);
    expect(tokenIn(de.text)).toMatchObject({ contactId: klaus, invitationId: invitations[2].id });

    const sent = (await deliveries()).find((d) => d._id === invitations[2].id)!;
    expect(sent).toMatchObject({
      tenant: TENANT,
      status: 'sent',
      attempts: 1,
      language: 'de',
      messageId: `<${invitations[2].id}@cabinet-martin.test>`,
      message: { to: 'klaus@example.com', language: 'en' },
    });
    // Through SMTP the body (and its link) is not kept.
    expect(sent.message).not.toHaveProperty('link');
    expect(sent.message).not.toHaveProperty('text');
  });

  it('mails an email change: the link to the new address, unless superseded, and a notice to the old one', async () => {
    const contactId = await createContact('Amélie', 'amelie@example.com', 'fr');
    const credential = { keyId: 'k', iv: 'iv', tag: 'tag', data: 'd' };
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const request = (requestId: string, email: string) =>
      event('ContactEmailChangeRequested', {
        contactId,
        requestId,
        email,
        previousEmail: 'amelie@example.com',
        expiresAt,
      });
    const [first, second] = [request('r1', 'typo@exemple.com'), request('r2', 'amelie@new.example.com')];
    await eventStore.append(
      `contact-${contactId}`,
      [event('ContactActivated', { contactId, invitationId: randomUUID(), credential }), first, second],
      0,
    );
    await startReactor();

    await waitFor(
      async () =>
        (await deliveries()).length === 4 && (await deliveries()).every((d) => d.status !== 'pending'),
      'four deliveries done',
    );
    expect(smtp.received).toHaveLength(3);
    const docs = await deliveries();
    // the superseded request's link is not sent (it could only answer 410)
    expect(docs.find((d) => d._id === first.id)).toMatchObject({
      kind: 'email-verification',
      status: 'skipped',
      lastError: 'superseded by a later email change',
      message: null,
    });
    expect(docs.find((d) => d._id === second.id)).toMatchObject({
      kind: 'email-verification',
      status: 'sent',
      clientId: null,
      language: 'fr',
      requestId: 'r2',
      message: { to: 'amelie@new.example.com', language: 'fr' },
    });
    const verification = smtp.received.find((m) => m.to[0] === 'amelie@new.example.com')!;
    expect(decodeHeader(verification.headers.subject)).toBe('Confirmez votre nouvelle adresse e-mail');
    const link = /https:\/\/portal\.cabinet-martin\.test\/verify-email\?token=([A-Za-z0-9_.%-]+)/.exec(
      verification.text,
    )!;
    expect(verificationTokens.verify(decodeURIComponent(link[1]))).toEqual({
      tenant: TENANT,
      contactId,
      requestId: 'r2',
      exp: Math.floor(Date.parse(expiresAt) / 1000),
    });
    // each request warns the address in use, without a link, the new address masked
    const notices = smtp.received.filter((m) => m.to[0] === 'amelie@example.com');
    expect(notices).toHaveLength(2);
    expect(notices.map((m) => m.text).join('\n')).toContain('a***@new.example.com');
    expect(notices.map((m) => m.text).join('\n')).not.toMatch(/token=/);
    expect(docs.filter((d) => d.kind === 'email-change-notice').map((d) => d.status)).toEqual([
      'sent',
      'sent',
    ]);
  });

  it('retries with backoff while the server answers 451, then delivers once', async () => {
    smtp.rejectNext(2);
    const clientId = await createClient('Garage Moreau');
    const contactId = await createContact('Paul', 'paul@example.com', 'fr');
    const invitation = await invite(clientId, contactId, 'fr');
    await startReactor();

    await waitFor(() => allSent(1), 'the mail sent');
    expect(smtp.attempts).toBe(3);
    expect(smtp.received).toHaveLength(1);
    const [delivery] = await deliveries();
    expect(delivery).toMatchObject({ _id: invitation.id, status: 'sent', attempts: 3, lastError: null });
  });

  it('keeps a failing delivery pending with the error, and the next attempt further off each time', async () => {
    smtp.rejectNext(1000);
    const clientId = await createClient('Garage Moreau');
    await invite(clientId, await createContact('Paul', 'paul@example.com', 'fr'), 'fr');
    await startReactor();

    await waitFor(async () => (await deliveries())[0]?.attempts >= 3, 'three attempts');
    const [delivery] = await deliveries();
    expect(delivery.status).toBe('pending');
    expect(delivery.lastError).toMatch(/451/);
    expect(Date.parse(delivery.nextAttemptAt!)).toBeGreaterThan(Date.now() - 1000);
    expect(smtp.received).toHaveLength(0);
  });

  it('does not send again after a restart, and picks up where it stopped', async () => {
    const clientId = await createClient('Boulangerie Dupont');
    const first = await invite(clientId, await createContact('Amélie', 'amelie@example.com', 'fr'), 'fr');
    await startReactor();
    await waitFor(() => allSent(1), 'the first mail sent');

    // A new process: new stores on the same files, a new reactor.
    await stopReactor();
    await Promise.all([eventStore.close(), readStore.close()]);
    openStores();
    const second = await invite(clientId, await createContact('John', 'john@example.com', 'en'), 'en');
    await startReactor();

    await waitFor(() => allSent(2), 'the second mail sent');
    expect(smtp.received.map((m) => m.headers['message-id'])).toEqual([
      `<${first.id}@cabinet-martin.test>`,
      `<${second.id}@cabinet-martin.test>`,
    ]);
  });

  it('sends a mail per invitation, also twice to the same contact', async () => {
    const clientId = await createClient('Boulangerie Dupont');
    const contactId = await createContact('Amélie', 'amelie@example.com', 'fr');
    await startReactor();
    const first = await invite(clientId, contactId, 'fr');
    const second = await invite(clientId, contactId, 'fr');

    await waitFor(() => allSent(2), 'two mails sent');
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received.map((m) => m.to[0])).toEqual(['amelie@example.com', 'amelie@example.com']);
    expect(smtp.received.map((m) => tokenIn(m.text)?.invitationId).sort()).toEqual(
      [first.id, second.id].sort(),
    );
  });

  it('skips, without a mail, an invitation of a contact already activated when it falls due', async () => {
    const clientId = await createClient('Boulangerie Dupont');
    const activeId = await createContact('Amélie', 'amelie@example.com', 'fr');
    const first = await invite(clientId, activeId, 'fr');
    const credential = { keyId: 'k1', iv: 'iv', tag: 'tag', data: 'data' };
    await eventStore.append(
      `contact-${activeId}`,
      [event('ContactActivated', { contactId: activeId, invitationId: first.id, credential })],
      'any',
    );
    const again = await invite(clientId, activeId, 'fr');
    const other = await invite(clientId, await createContact('John', 'john@example.com', 'en'), 'en');
    await startReactor();

    const handled = async () => {
      const docs = await deliveries();
      return docs.length === 3 && docs.every((d) => d.status !== 'pending');
    };
    await waitFor(handled, 'all three handled');
    const docs = Object.fromEntries((await deliveries()).map((d) => [d._id, d]));
    for (const skipped of [first, again])
      expect(docs[skipped.id]).toMatchObject({
        status: 'skipped',
        lastError: 'contact already active',
        nextAttemptAt: null,
        sentAt: null,
        messageId: null,
        message: null,
      });
    expect(docs[other.id].status).toBe('sent');
    expect(smtp.received.map((m) => m.to[0])).toEqual(['john@example.com']);
  });

  it('gives up on an invitation whose contact does not exist, without blocking the others', async () => {
    const clientId = await createClient('Boulangerie Dupont');
    const ghost = await invite(clientId, randomUUID(), 'fr');
    const real = await invite(clientId, await createContact('John', 'john@example.com', 'en'), 'en');
    await startReactor();

    const handled = async () => {
      const docs = await deliveries();
      return docs.length === 2 && docs.every((d) => d.status !== 'pending');
    };
    await waitFor(handled, 'both handled');
    const docs = Object.fromEntries((await deliveries()).map((d) => [d._id, d]));
    expect(docs[ghost.id]).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/not exist/) });
    expect(docs[real.id].status).toBe('sent');
    expect(smtp.received).toHaveLength(1);
  });
});
