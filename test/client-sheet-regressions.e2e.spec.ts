import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { ClientNameRegistry } from '../apps/command-api/src/clients/client-name-registry';
import { useStandalone } from './support/standalone-app';

/** Regressions of the wizard and the client sheet: each defect once found, pinned by a test. */
describe('wizard and client sheet regressions', () => {
  const suite = useStandalone();
  const store = () => suite.h.app.get<EventStore>(EVENT_STORE);
  const post = (path: string, body: object, headers: Record<string, string> = {}) =>
    suite.h.http().post(path).set(suite.auth).set(headers).send(body);
  const patch = (path: string, body: object) => suite.h.http().patch(path).set(suite.auth).send(body);
  const get = (path: string, position: number) =>
    suite.h.http().get(path).set(suite.auth).set('X-Min-Position', String(position));

  /** The next append to a client's own stream fails, as if the process died right before it. */
  const crashBeforeNextClientAppend = () => {
    const eventStore = store();
    const append = eventStore.append.bind(eventStore);
    const spy = jest.spyOn(eventStore, 'append').mockImplementation(async (streamId, events, expected) => {
      if (/^client-[0-9a-f]{8}-/.test(streamId)) {
        spy.mockRestore();
        throw new Error('crash');
      }
      return append(streamId, events, expected);
    });
  };
  const contactsWith = async (email: string) =>
    (await store().readAll()).filter((e) => e.type === 'ContactCreated' && e.data.email === email);

  describe('a request retried with its Idempotency-Key after dying between the contacts and the client', () => {
    // The simulated crash is a 500, which the app logs: expected here, so kept out of the output.
    beforeEach(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
    afterEach(() => jest.restoreAllMocks());

    it('the wizard completes it: the contact made by the first attempt is not "taken"', async () => {
      const key = `wizard-${randomUUID()}`;
      const email = `${randomUUID().slice(0, 8)}@retry.fr`;
      const body = {
        name: `Retried ${randomUUID().slice(0, 8)}`,
        contacts: [
          { firstName: 'Rémi', lastName: 'Retry', email, language: 'fr', sendActivationEmail: true },
        ],
      };
      crashBeforeNextClientAppend();
      expect((await post('/clients', body, { 'Idempotency-Key': key })).status).toBe(500);
      expect(await contactsWith(email)).toHaveLength(1);

      const retried = await post('/clients', body, { 'Idempotency-Key': key });
      expect(retried.status).toBe(201);
      expect(await contactsWith(email)).toHaveLength(1);
      const contacts = await get(`/clients/${retried.body.id}/contacts`, retried.body.position);
      expect(contacts.body.items).toEqual([
        expect.objectContaining({ email, lastInvitedAt: expect.any(String) }),
      ]);
    });

    it('the contacts tab completes it too', async () => {
      const client = await post('/clients', { name: `Tab ${randomUUID().slice(0, 8)}` });
      const key = `attach-${randomUUID()}`;
      const email = `${randomUUID().slice(0, 8)}@retry.fr`;
      const body = {
        firstName: 'Rémi',
        lastName: 'Retry',
        email,
        language: 'en',
        sendActivationEmail: false,
      };
      crashBeforeNextClientAppend();
      const path = `/clients/${client.body.id}/contacts`;
      expect((await post(path, body, { 'Idempotency-Key': key })).status).toBe(500);

      const retried = await post(path, body, { 'Idempotency-Key': key });
      expect(retried.status).toBe(201);
      expect(await contactsWith(email)).toHaveLength(1);
      expect(retried.body.contactId).toBe((await contactsWith(email))[0].data.contactId);
    });
  });

  it('the contacts tab attaches an existing contact ({contactId, language, sendActivationEmail})', async () => {
    const contact = await post('/contacts', {
      firstName: 'Éva',
      lastName: 'Existing',
      email: `${randomUUID().slice(0, 8)}@tab.fr`,
      language: 'fr',
    });
    const client = await post('/clients', { name: `Tab ${randomUUID().slice(0, 8)}` });
    const path = `/clients/${client.body.id}/contacts`;

    const attached = await post(path, {
      contactId: contact.body.id,
      language: 'en',
      sendActivationEmail: false,
    });
    expect(attached.status).toBe(201);
    expect(attached.body.contactId).toBe(contact.body.id);
    expect((await get(`/clients/${client.body.id}`, attached.body.position)).body.membersCount).toBe(1);
    const linked = await get(`/contacts/${contact.body.id}`, attached.body.position);
    expect(linked.body.clients).toEqual([expect.objectContaining({ id: client.body.id, language: 'en' })]);

    const detached = await suite.h.http().delete(`${path}/${contact.body.id}`).set(suite.auth);
    expect((await get(`/clients/${client.body.id}`, detached.body.position)).body.membersCount).toBe(0);
    const again = await post(path, { contactId: contact.body.id, language: 'fr', sendActivationEmail: true });
    expect(again.status).toBe(201);
    const tab = await get(path, again.body.position);
    expect(tab.body.items).toEqual([
      expect.objectContaining({
        contactId: contact.body.id,
        language: 'fr',
        lastInvitedAt: expect.any(String),
      }),
    ]);
    expect((await get(`/clients/${client.body.id}`, again.body.position)).body.membersCount).toBe(1);
  });

  it('a wizard whose new contact email is taken by a concurrent request answers 409 naming the field', async () => {
    const email = `${randomUUID().slice(0, 8)}@race.fr`;
    const names = suite.h.app.get(ClientNameRegistry);
    const reserve = names.reserve.bind(names);
    // The other request takes the email after this one's pre-check, before its own reservation.
    jest.spyOn(names, 'reserve').mockImplementationOnce(async (...args) => {
      expect(
        (await post('/contacts', { firstName: 'O', lastName: 'Ther', email, language: 'fr' })).status,
      ).toBe(201);
      return reserve(...args);
    });
    const res = await post('/clients', {
      name: `Race ${randomUUID().slice(0, 8)}`,
      contacts: [
        {
          contactId: (
            await post('/contacts', {
              firstName: 'A',
              lastName: 'B',
              email: `${randomUUID()}@x.fr`,
              language: 'en',
            })
          ).body.id,
          language: 'en',
          sendActivationEmail: false,
        },
        { firstName: 'Late', lastName: 'Comer', email, language: 'fr', sendActivationEmail: true },
      ],
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'CONTACT_EMAIL_TAKEN',
      errors: [expect.objectContaining({ step: 'contacts', field: 'contacts.1.email' })],
    });
    expect(await contactsWith(email)).toHaveLength(1);
  });

  it('a change cannot empty a required sheet field with an empty string, as it cannot with null', async () => {
    const sheet = await post('/sheet-templates', {
      name: `Required ${randomUUID().slice(0, 8)}`,
      fields: [{ key: 'siren', label: 'SIREN', type: 'text', required: true }],
    });
    const client = await post('/clients', {
      name: `Sheet ${randomUUID().slice(0, 8)}`,
      sheetTemplateId: sheet.body.id,
      attributes: { siren: '552120222' },
    });
    expect(client.status).toBe(201);
    for (const siren of ['', null]) {
      const res = await patch(`/clients/${client.body.id}`, { attributes: { siren } });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'attributes.siren' })]);
    }
    const sheetNow = await get(`/clients/${client.body.id}`, client.body.position);
    expect(sheetNow.body).toMatchObject({
      revision: client.body.revision,
      attributes: { siren: '552120222' },
    });
  });
});
