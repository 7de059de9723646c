import { randomUUID } from 'node:crypto';
import type { AppConfig } from '@dossiers/platform';
import type { CommandContext } from '@dossiers/application';
import {
  openEmbeddedStreams,
  testCommandContext,
  type EmbeddedStreams,
} from '../../../shared/testing/embedded-streams';
import { ContactCreation } from '../../contact-creation';
import { ContactEmailRegistry, contactEmailStreamId } from '../../contact-email-registry';
import { ContactLookup } from '../../contact-lookup';
import { UpdateContactCommand } from './update-contact.command';
import { UpdateContactHandler } from './update-contact.handler';

const config = { mail: { activationTtlHours: 2 } } as AppConfig;
const admin = () => testCommandContext();
const collaborator = () => testCommandContext({ role: 'collaborator', actor: 'collaborator-1' });

describe('UpdateContactHandler', () => {
  let db: EmbeddedStreams;
  let emails: ContactEmailRegistry;
  let handler: UpdateContactHandler;
  let contactId: string;
  let address: string;

  beforeEach(async () => {
    db = openEmbeddedStreams();
    emails = new ContactEmailRegistry(db.streams, new ContactLookup(db.aggregates));
    handler = new UpdateContactHandler(db.aggregates, config, emails);
    contactId = randomUUID();
    address = newEmail();
    await new ContactCreation(db.aggregates, emails).create(
      contactId,
      { firstName: 'Zoé', lastName: 'Dupré', email: address, phone: null, language: 'fr' },
      admin(),
    );
  });
  afterEach(() => db.close());

  const newEmail = () => `${randomUUID().slice(0, 8)}@example.fr`;
  const update = (changes: UpdateContactCommand['changes'], context: CommandContext = admin()) =>
    handler.execute(new UpdateContactCommand(contactId, changes, context));
  const contact = async () => (await db.aggregates.contacts.load(contactId, 'firm-a')).state;
  const contactEvents = () => db.store.readStream(`contact-${contactId}`);
  const reservations = (email: string) => db.store.readStream(contactEmailStreamId('firm-a', email));
  const activate = () =>
    db.aggregates.contacts.handle(
      contactId,
      {
        type: 'ActivateContact',
        contactId,
        invitationId: randomUUID(),
        clientId: null,
        expiresAt: '2030-01-01T00:00:00.000Z',
        now: admin().now,
        credential: { keyId: 'k', iv: 'iv', data: 'data', tag: 'tag' },
        emailHash: { link: 'same', current: 'same' },
      },
      admin(),
    );

  it('refuses a collaborator any identity field, naming them, and stores or reserves nothing', async () => {
    const other = newEmail();
    await expect(
      update({ firstName: 'Zoe', email: other, phone: '+33 1 23 45 67 89' }, collaborator()),
    ).rejects.toMatchObject({
      code: 'IDENTITY_CHANGE_FORBIDDEN',
      message: expect.stringMatching(/^firstName, email: /),
    });
    await expect(update({ lastName: 'Dupré' }, collaborator())).rejects.toMatchObject({
      code: 'IDENTITY_CHANGE_FORBIDDEN',
    });
    expect(await contactEvents()).toHaveLength(1);
    expect(await reservations(other)).toEqual([]);
  });

  it('lets a collaborator change the phone and the language', async () => {
    await update({ phone: '+33 1 23 45 67 89', language: 'en' }, collaborator());
    expect(await contact()).toMatchObject({
      details: { phone: '+33 1 23 45 67 89', language: 'en', email: address },
    });
  });

  it('lets a service change the identity', async () => {
    await update({ lastName: 'Martin' }, testCommandContext({ role: 'service' }));
    expect(await contact()).toMatchObject({ details: { lastName: 'Martin' } });
  });

  it('reports every bad field at once before deciding anything', async () => {
    await expect(update({ email: 'not-an-email', language: 'xx' })).rejects.toMatchObject({
      errors: [expect.objectContaining({ field: 'email' }), expect.objectContaining({ field: 'language' })],
    });
    expect(await contactEvents()).toHaveLength(1);
  });

  it('gives a contact not activated yet its new email at once, reserved from the revision decided on', async () => {
    const other = newEmail();
    const result = await update({ email: other.toUpperCase() });
    expect(result.revision).toBe(1);
    expect(await contact()).toMatchObject({ details: { email: other }, pendingEmail: null });
    const [reserved] = await reservations(other);
    expect(reserved.data).toMatchObject({ contactId, email: other, holderRevision: 0 });
    const { now, tenant } = admin();
    expect(await emails.isTaken(other, tenant, now, randomUUID())).toBe(true);
    expect(await emails.isTaken(address, tenant, now, randomUUID())).toBe(false);
  });

  it('keeps the email of an activated contact until confirmed, the new one reserved meanwhile', async () => {
    await activate();
    const other = newEmail();
    await update({ email: other });
    expect(await contact()).toMatchObject({
      details: { email: address },
      pendingEmail: { email: other, expiresAt: '2026-11-28T12:00:00.000Z' },
    });
    expect((await reservations(other))[0].data).toMatchObject({ contactId, holderRevision: 1 });
    const { now, tenant } = admin();
    expect(await emails.isTaken(other, tenant, now, randomUUID())).toBe(true);
    expect(await emails.isTaken(address, tenant, now, randomUUID())).toBe(true);
  });

  it("refuses another contact's email (409) and changes nothing", async () => {
    const taken = newEmail();
    await new ContactCreation(db.aggregates, emails).create(
      randomUUID(),
      { firstName: 'Ana', lastName: 'Lopes', email: taken, phone: null, language: 'fr' },
      admin(),
    );
    await expect(update({ email: taken, phone: '+33 1 23 45 67 89' })).rejects.toMatchObject({
      code: 'CONTACT_EMAIL_TAKEN',
    });
    expect(await contactEvents()).toHaveLength(1);
  });

  it('reserves nothing for a change that keeps the email', async () => {
    await update({ email: address, language: 'en' });
    expect(await reservations(address)).toHaveLength(1);
  });
});
