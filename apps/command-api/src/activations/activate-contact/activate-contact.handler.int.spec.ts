import { randomBytes, randomUUID } from 'node:crypto';
import { emailHashOf, type ActivationClaims } from '@dossiers/notifications';
import type { EncryptedSecret } from '@dossiers/events';
import { SecretBox, verifyPassword } from '@dossiers/platform';
import {
  openEmbeddedStreams,
  testCommandContext,
  type EmbeddedStreams,
} from '../../shared/testing/embedded-streams';
import { ActivateContactCommand } from './activate-contact.command';
import { ActivateContactHandler } from './activate-contact.handler';

const PASSWORD = 'correct horse battery staple';

describe('ActivateContactHandler', () => {
  let db: EmbeddedStreams;
  let secretBox: SecretBox;
  let handler: ActivateContactHandler;
  let contactId: string;

  beforeEach(async () => {
    db = openEmbeddedStreams();
    secretBox = new SecretBox(randomBytes(32));
    handler = new ActivateContactHandler(db.aggregates, secretBox);
    contactId = randomUUID();
    await db.aggregates.contacts.handle(
      contactId,
      {
        type: 'CreateContact',
        contactId,
        details: {
          firstName: 'Zoé',
          lastName: 'Dupré',
          email: 'zoe@example.fr',
          phone: null,
          language: 'fr',
        },
      },
      testCommandContext(),
    );
  });
  afterEach(() => db.close());

  const link = (email: string, emailVersion = 0): ActivationClaims => ({
    tenant: 'firm-a',
    contactId,
    invitationId: randomUUID(),
    clientId: 'client-1',
    emailHash: emailHashOf(email, emailVersion),
    exp: Date.parse('2026-12-01T00:00:00.000Z') / 1000,
  });
  const activate = (claims: ActivationClaims) =>
    handler.execute(
      new ActivateContactCommand(
        claims,
        PASSWORD,
        testCommandContext({ role: 'contact', actor: `contact:${contactId}` }),
      ),
    );
  const events = () => db.store.readStream(`contact-${contactId}`);

  it('activates with the encrypted hash of the password, never the password itself', async () => {
    const claims = link('zoe@example.fr');
    expect((await activate(claims)).revision).toBe(1);
    const [, activated] = await events();
    expect(activated).toMatchObject({
      type: 'ContactActivated',
      data: { invitationId: claims.invitationId, clientId: 'client-1' },
    });
    expect(JSON.stringify(activated.data)).not.toContain(PASSWORD);
    const { credential } = activated.data as { credential: EncryptedSecret };
    expect(await verifyPassword(PASSWORD, secretBox.decrypt(credential))).toBe(true);
  });

  it('names no client when the link, minted before links named one, names none', async () => {
    await activate({ ...link('zoe@example.fr'), clientId: null });
    const [, activated] = await events();
    expect(activated.data).toMatchObject({ clientId: null });
  });

  it("refuses a link mailed to an address that is no longer the contact's", async () => {
    await expect(activate(link('someone@else.fr'))).rejects.toMatchObject({
      code: 'ACTIVATION_LINK_SUPERSEDED',
    });
    expect(await events()).toHaveLength(1);
  });

  it('keeps a link void once the email changed, even when the address comes back', async () => {
    const before = link('zoe@example.fr');
    const change = (email: string) =>
      db.aggregates.contacts.handle(
        contactId,
        {
          type: 'ChangeContactDetails',
          contactId,
          changes: { email },
          actorRole: 'admin',
          emailRequest: { requestId: randomUUID(), expiresAt: '2027-01-01T00:00:00.000Z' },
        },
        testCommandContext(),
      );
    await change('zoe.b@example.fr');
    await change('zoe@example.fr');
    await expect(activate(before)).rejects.toMatchObject({ code: 'ACTIVATION_LINK_SUPERSEDED' });
    // A link mailed now (at the address's current version) works.
    expect((await activate(link('zoe@example.fr', 2))).revision).toBe(3);
  });

  it('refuses a second activation and an expired link', async () => {
    await expect(
      activate({ ...link('zoe@example.fr'), exp: Date.parse('2026-11-01') / 1000 }),
    ).rejects.toMatchObject({
      code: 'ACTIVATION_TOKEN_EXPIRED',
    });
    await activate(link('zoe@example.fr'));
    await expect(activate(link('zoe@example.fr'))).rejects.toMatchObject({ code: 'ACTIVATION_TOKEN_USED' });
  });
});
