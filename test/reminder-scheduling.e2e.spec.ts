import { randomUUID } from 'node:crypto';
import { CLOCK, type Clock } from '@dossiers/platform';
import { useStandalone } from './support/standalone-app';

/**
 * Issue 11 §4, the embedded default: a reminder `{at}` falls due when the one clock says so (the
 * test jumps it, never waits for it), the embedded scheduler sends it, its mail lands in the
 * outbox in the contact's language, and the "Rappels" tab shows it sent.
 */
describe('reminder scheduling (standalone, embedded scheduler)', () => {
  const suite = useStandalone();
  const http = () => suite.h.http();
  let last = 0;
  const admin = async (method: 'post' | 'patch', path: string, body?: object) => {
    const res = await http()[method](path).set(suite.auth).send(body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    last = Math.max(last, res.body.position ?? 0);
    return res;
  };
  const tab = (clientId: string) =>
    http().get(`/clients/${clientId}/reminders`).set(suite.auth).set('X-Min-Position', String(last));
  async function eventually<T>(read: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (value !== undefined) return value;
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  let clock: Clock;
  beforeAll(() => {
    clock = suite.h.app.get(CLOCK, { strict: false });
  });
  afterEach(() => jest.restoreAllMocks());

  it('template -> reminder {at} -> clock jumps -> sent within a second -> mail in German -> tab shows it sent', async () => {
    const email = `lena-${randomUUID()}@example.com`;
    const contactId = (
      await admin('post', '/contacts', { firstName: 'Lena', lastName: 'Berg', email, language: 'de' })
    ).body.id;
    const clientId = (
      await admin('post', '/clients', {
        name: `Erinnerung ${randomUUID()}`,
        contacts: [{ contactId, language: 'de', sendActivationEmail: false }],
      })
    ).body.id;
    const templateId = (
      await admin('post', '/reminder-templates', {
        name: 'Pièces',
        texts: {
          fr: { subject: 'Rappel {{client.name}}', body: 'Bonjour {{contact.firstName}}' },
          de: { subject: 'Erinnerung', body: 'Hallo {{contact.firstName}}, bitte <Belege> senden' },
        },
      })
    ).body.id;
    const at = new Date(Date.now() + 3 * 86_400_000);
    at.setUTCMilliseconds(0);
    const { reminderId } = (
      await admin('post', `/clients/${clientId}/reminders`, {
        templateId,
        recipients: 'all',
        schedule: { at: at.toISOString() },
      })
    ).body;
    // Not due by the real clock: the scheduler leaves it alone.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await tab(clientId)).body.items[0]).toMatchObject({ status: 'active', history: [] });

    jest.spyOn(clock, 'now').mockImplementation(() => new Date(at.getTime() + 1000));
    const sent = await eventually(async () => {
      const [item] = (await tab(clientId)).body.items;
      return item.history.length > 0 ? item : undefined;
    });
    // How soon after it falls due is a speed figure: the reminders benchmark measures it, not this test.
    expect(sent.history).toEqual([
      {
        kind: 'scheduled',
        occurrence: 0,
        dueAt: at.toISOString(),
        at: new Date(at.getTime() + 1000).toISOString(),
        status: 'sent',
        late: false,
        reason: null,
        recipients: [{ contactId, language: 'de', delivery: expect.any(Object) }],
      },
    ]);
    expect(sent).toMatchObject({ reminderId, status: 'finished', nextOccurrence: null });

    const mail = await eventually(async () => {
      const res = await http().get('/outbox').set(suite.auth);
      return res.body.items.find(
        (item: { kind: string; contactId: string; status: string }) =>
          item.kind === 'reminder' && item.contactId === contactId && item.status === 'sent',
      );
    });
    expect(mail).toMatchObject({ clientId, language: 'de' });
    expect(mail.message).toMatchObject({
      to: email,
      subject: 'Erinnerung',
      language: 'de',
      text: 'Hallo Lena, bitte <Belege> senden',
      html: expect.stringContaining('Hallo Lena, bitte &lt;Belege&gt; senden'),
    });

    const history = await eventually(async () => {
      const [item] = (await tab(clientId)).body.items;
      const [recipient] = item.history[0].recipients;
      return recipient.delivery.status === 'sent' ? recipient : undefined;
    });
    expect(history.delivery).toEqual({ status: 'sent', reason: null, sentAt: expect.any(String) });
    // Sent once: the scheduler kept running while the projector caught up.
    const outbox = await http().get('/outbox').set(suite.auth);
    expect(
      outbox.body.items.filter(
        (item: { kind: string; contactId: string }) =>
          item.kind === 'reminder' && item.contactId === contactId,
      ),
    ).toHaveLength(1);
  });

  it('a scheduled form goes out through the same scheduler when the clock reaches its sendAt', async () => {
    const contactId = (
      await admin('post', '/contacts', {
        firstName: 'Marc',
        lastName: 'Roux',
        email: `marc-${randomUUID()}@example.com`,
        language: 'fr',
      })
    ).body.id;
    const clientId = (
      await admin('post', '/clients', {
        name: `Formulaire ${randomUUID()}`,
        contacts: [{ contactId, language: 'fr', sendActivationEmail: false }],
      })
    ).body.id;
    const formTemplateId = (
      await admin('post', '/form-templates', {
        name: 'KYC',
        sections: [{ title: 'Société', questions: [{ key: 'siren', label: 'SIREN', type: 'text' }] }],
      })
    ).body.id;
    const sendAt = new Date(Date.now() + 86_400_000);
    await admin('post', `/clients/${clientId}/forms`, {
      formTemplateId,
      recipients: 'all',
      sendAt: sendAt.toISOString(),
    });
    const forms = () =>
      http().get(`/clients/${clientId}/forms`).set(suite.auth).set('X-Min-Position', String(last));
    expect((await forms()).body.items).toEqual([expect.objectContaining({ status: 'scheduled' })]);

    jest.spyOn(clock, 'now').mockImplementation(() => new Date(sendAt.getTime() + 1000));
    const sent = await eventually(async () => {
      const [form] = (await forms()).body.items;
      return form.status === 'sent' ? form : undefined;
    });
    expect(sent.status).toBe('sent');
  });
});
