import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import type { Response } from 'supertest';
import { useStandalone } from './support/standalone-app';

const password = 'correct horse battery staple';

interface OutboxItem {
  id: string;
  kind: string;
  contactId: string;
  status: string;
  message: { to: string; subject: string; text?: string; link?: string } | null;
}

/**
 * The attack an outside test found: a collaborator with full access to client 1 only takes over
 * a contact of client 2 (which they cannot see) by changing its email, attaching it to client 1
 * with an activation email, and choosing its password through the link received at the new
 * address. Each step now fails; then the email-change flow of an activated contact.
 */
describe('a collaborator cannot take over a contact of a client hidden from them', () => {
  const suite = useStandalone();
  const http = () => suite.h.http();
  let last = 0;
  const track = (res: Response) => {
    if (typeof res.body?.position === 'number') last = Math.max(last, res.body.position);
    return res;
  };
  type Method = 'get' | 'post' | 'put' | 'patch';
  const call = async (auth: { Authorization: string }, method: Method, path: string, body?: object) =>
    track(await http()[method](path).set(auth).set('X-Min-Position', String(last)).send(body));
  const admin = async (method: Method, path: string, body?: object) => {
    const res = await call(suite.auth, method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const publicPost = (path: string, body: object = {}) => http().post(path).send(body).then(track);
  const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

  /** The outbox items matching `where`, once `count` of them are done (sent or skipped). */
  async function mails(where: (item: OutboxItem) => boolean, count = 1): Promise<OutboxItem[]> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const res = await http().get('/outbox?pageSize=100').set(suite.auth);
      expect(res.status).toBe(200);
      const found = (res.body.items as OutboxItem[]).filter(where);
      if (found.length >= count && found.every((i) => i.status !== 'pending')) return found;
      if (Date.now() > deadline) throw new Error(`mails not done: ${JSON.stringify(found)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  const contactEvents = async (contactId: string) =>
    (await suite.h.app.get<EventStore>(EVENT_STORE).readStream(`contact-${contactId}`)).map((e) => e.type);

  let client1: string;
  let client2: string;
  let victim: string;
  let attacker: { Authorization: string };
  /** the activation link the contact used (first test) */
  let activationLink: string;

  beforeAll(async () => {
    client1 = (await admin('post', '/clients', { name: 'Client One' })).id;
    client2 = (await admin('post', '/clients', { name: 'Client Two' })).id;
    const collaboratorId = (
      await admin('post', '/collaborators', { firstName: 'Mal', lastName: 'Lory', email: 'mal@firm.fr' })
    ).id;
    await admin('put', `/clients/${client1}/collaborators/${collaboratorId}`, { access: 'full' });
    attacker = { Authorization: `Bearer ${await suite.h.token('collaborator', undefined, collaboratorId)}` };
    victim = (
      await admin('post', `/clients/${client2}/contacts`, {
        firstName: 'Vic',
        lastName: 'Tim',
        email: 'vic@client-two.fr',
        language: 'en',
        sendActivationEmail: false,
      })
    ).contactId;
  });

  it('plays the attack chain: every step fails, and a link only ever works for its own address', async () => {
    // 1. The collaborator cannot change the email (nor the name) of the contact: 403, nothing stored.
    const changed = await call(attacker, 'patch', `/contacts/${victim}`, { email: 'evil@attacker.example' });
    expect(changed.status).toBe(403);
    expect(changed.body).toEqual({
      code: 'IDENTITY_CHANGE_FORBIDDEN',
      message: expect.stringContaining('email'),
    });
    const renamed = await call(attacker, 'patch', `/contacts/${victim}`, {
      lastName: 'Owned',
      phone: '0102030405',
    });
    expect(renamed.status).toBe(403);
    expect(await contactEvents(victim)).toEqual(['ContactCreated']);
    // ... and the address stays free for anyone: it was not even reserved
    expect(
      (
        await admin('post', '/contacts', {
          firstName: 'A',
          lastName: 'B',
          email: 'evil@attacker.example',
          language: 'fr',
        })
      ).id,
    ).toBeDefined();
    // The phone and the language remain theirs to change.
    expect(
      (await call(attacker, 'patch', `/contacts/${victim}`, { phone: '0102030405', language: 'fr' })).status,
    ).toBe(200);

    // 2. Attaching the contact to client 1 with an activation email mails the contact's own address.
    const attached = await call(attacker, 'post', `/clients/${client1}/contacts`, {
      contactId: victim,
      language: 'en',
      sendActivationEmail: true,
    });
    expect(attached.status).toBe(201);
    const [first] = await mails((i) => i.kind === 'activation' && i.contactId === victim);
    expect(first).toMatchObject({ status: 'sent', message: { to: 'vic@client-two.fr' } });
    const outbox = await http().get('/outbox?pageSize=100').set(suite.auth);
    expect(JSON.stringify(outbox.body)).not.toContain('evil@attacker.example');

    // 3. An admin corrects the email of the contact (not activated yet: at once). The link mailed
    //    to the old address is void from then on, whoever holds it.
    await admin('patch', `/contacts/${victim}`, { email: 'vic.new@client-two.fr' });
    const stale = await publicPost(`/activations/${encodeURIComponent(tokenOf(first.message!.link!))}`, {
      password,
    });
    expect(stale.status).toBe(410);
    expect(stale.body.code).toBe('ACTIVATION_LINK_SUPERSEDED');

    // 4. A new invitation goes to the new address, and its link works.
    await admin('post', `/clients/${client2}/contacts`, {
      contactId: victim,
      language: 'en',
      sendActivationEmail: true,
    });
    const invitations = await mails((i) => i.kind === 'activation' && i.contactId === victim, 2);
    const second = invitations.find((i) => i.id !== first.id)!;
    expect(second.message!.to).toBe('vic.new@client-two.fr');
    const activated = await publicPost(`/activations/${encodeURIComponent(tokenOf(second.message!.link!))}`, {
      password,
    });
    expect(activated.status).toBe(200);
    expect(activated.body.id).toBe(victim);
    activationLink = second.message!.link!;
    const types = await contactEvents(victim);
    expect(types.filter((t) => t === 'ContactActivated')).toHaveLength(1);
  });

  it('changes the email of an activated contact only once the new address confirms it, never touching the password', async () => {
    // The contact of the first test, activated at vic.new@client-two.fr.
    const before = await contactEvents(victim);
    expect(before).toContain('ContactActivated');

    // The collaborator still cannot start it.
    expect(
      (await call(attacker, 'patch', `/contacts/${victim}`, { email: 'evil2@attacker.example' })).status,
    ).toBe(403);

    // An admin asks for it: the email stays, the new one is pending (shown to staff only).
    await admin('patch', `/contacts/${victim}`, { email: 'first.try@client-two.fr' });
    const pending = await call(suite.auth, 'get', `/contacts/${victim}`);
    expect(pending.body).toMatchObject({
      email: 'vic.new@client-two.fr',
      pendingEmail: 'first.try@client-two.fr',
    });
    const asCollaborator = await call(attacker, 'get', `/contacts/${victim}`);
    expect(asCollaborator.body.email).toBe('vic.new@client-two.fr');
    expect(asCollaborator.body).not.toHaveProperty('pendingEmail');
    // The pending address is reserved already: no other contact can take it.
    const taken = await call(suite.auth, 'post', '/contacts', {
      firstName: 'Other',
      lastName: 'One',
      email: 'first.try@client-two.fr',
      language: 'fr',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('CONTACT_EMAIL_TAKEN');

    // Two mails: the link to the new address, the notice to the old one.
    const [verification] = await mails((i) => i.kind === 'email-verification' && i.contactId === victim);
    const [notice] = await mails((i) => i.kind === 'email-change-notice' && i.contactId === victim);
    expect(verification).toMatchObject({ status: 'sent', message: { to: 'first.try@client-two.fr' } });
    expect(verification.message!.link).toMatch(/^http:\/\/localhost:3000\/verify-email\?token=/);
    expect(notice).toMatchObject({ status: 'sent', message: { to: 'vic.new@client-two.fr' } });
    expect(notice.message).not.toHaveProperty('link');
    expect(notice.message!.text).toContain('f***@client-two.fr');

    // Asked again (another address): the first link is superseded.
    await admin('patch', `/contacts/${victim}`, { email: 'vic.final@client-two.fr' });
    const verifications = await mails((i) => i.kind === 'email-verification' && i.contactId === victim, 2);
    const latest = verifications.find((i) => i.id !== verification.id)!;
    expect(latest.message!.to).toBe('vic.final@client-two.fr');
    const superseded = await publicPost(
      `/email-verifications/${encodeURIComponent(tokenOf(verification.message!.link!))}`,
    );
    expect(superseded.status).toBe(410);
    expect(superseded.body.code).toBe('EMAIL_VERIFICATION_SUPERSEDED');
    // A tampered link is not one of ours; an activation token is not a verification token, nor the reverse.
    const [payload, signature] = tokenOf(latest.message!.link!).split('.');
    const tampered = `${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expect((await publicPost(`/email-verifications/${encodeURIComponent(tampered)}`)).status).toBe(404);
    expect(
      (await publicPost(`/email-verifications/${encodeURIComponent(tokenOf(activationLink))}`)).body.code,
    ).toBe('EMAIL_VERIFICATION_TOKEN_INVALID');
    expect(
      (await publicPost(`/activations/${encodeURIComponent(tokenOf(latest.message!.link!))}`, { password }))
        .body.code,
    ).toBe('ACTIVATION_TOKEN_INVALID');
    expect((await call(suite.auth, 'get', `/contacts/${victim}`)).body.email).toBe('vic.new@client-two.fr');

    // Confirmed from the new address: now the email changes, and nothing else.
    const confirmed = await publicPost(
      `/email-verifications/${encodeURIComponent(tokenOf(latest.message!.link!))}`,
      {
        password,
      },
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({
      id: victim,
      revision: expect.any(Number),
      position: expect.any(Number),
    });
    const after = await call(suite.auth, 'get', `/contacts/${victim}`);
    expect(after.body).toMatchObject({
      email: 'vic.final@client-two.fr',
      pendingEmail: null,
      activated: true,
    });
    const events = await suite.h.app.get<EventStore>(EVENT_STORE).readStream(`contact-${victim}`);
    const added = events.slice(before.length);
    expect(added.map((e) => e.type)).toEqual([
      'ContactEmailChangeRequested',
      'ContactEmailChangeRequested',
      'ContactEmailChanged',
    ]);
    expect(events.filter((e) => e.type === 'ContactActivated')).toHaveLength(1);
    expect(JSON.stringify(added)).not.toContain('credential');
    expect(added[2].metadata.actor).toBe(`contact:${victim}`);

    // Single use; and the addresses left behind are free again, the new one is held.
    const again = await publicPost(
      `/email-verifications/${encodeURIComponent(tokenOf(latest.message!.link!))}`,
    );
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('EMAIL_VERIFICATION_USED');
    const create = (email: string) =>
      call(suite.auth, 'post', '/contacts', { firstName: 'New', lastName: 'Comer', email, language: 'fr' });
    expect((await create('vic.new@client-two.fr')).status).toBe(201);
    expect((await create('first.try@client-two.fr')).status).toBe(201);
    expect((await create('vic.final@client-two.fr')).status).toBe(409);
  });

  it('withdraws a pending email change when the address is set back: its link then answers 410', async () => {
    await admin('patch', `/contacts/${victim}`, { email: 'typo@gmial.example' });
    const [mail] = await mails(
      (i) => i.kind === 'email-verification' && i.message?.to === 'typo@gmial.example',
    );
    await admin('patch', `/contacts/${victim}`, { email: 'vic.final@client-two.fr' });
    const after = await call(suite.auth, 'get', `/contacts/${victim}`);
    expect(after.body).toMatchObject({ email: 'vic.final@client-two.fr', pendingEmail: null });
    const res = await publicPost(`/email-verifications/${encodeURIComponent(tokenOf(mail.message!.link!))}`);
    expect([res.status, res.body.code]).toEqual([410, 'EMAIL_VERIFICATION_SUPERSEDED']);
    // The withdrawn address is free again.
    const free = await call(suite.auth, 'post', '/contacts', {
      firstName: 'Typo',
      lastName: 'Owner',
      email: 'typo@gmial.example',
      language: 'fr',
    });
    expect(free.status).toBe(201);
  });

  it('refuses a forged verification link with 404', async () => {
    const res = await publicPost('/email-verifications/not-a-token');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('EMAIL_VERIFICATION_TOKEN_INVALID');
  });
});
