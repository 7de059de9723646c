import { randomUUID } from 'node:crypto';
import type { AppConfig } from '@dossiers/platform';
import {
  openEmbeddedStreams,
  testCommandContext,
  type EmbeddedStreams,
} from '../../shared/testing/embedded-streams';
import { ContactCreation } from '../../directory/contact-creation';
import { ContactEmailRegistry, contactEmailStreamId } from '../../directory/contact-email-registry';
import { ContactLookup } from '../../directory/contact-lookup';
import { UpdateContactCommand } from '../../directory/contacts/update-contact/update-contact.command';
import { UpdateContactHandler } from '../../directory/contacts/update-contact/update-contact.handler';
import { ConfirmEmailCommand } from './confirm-email.command';
import { ConfirmEmailHandler } from './confirm-email.handler';

const NOW = '2026-11-28T10:00:00.000Z';
const config = { mail: { activationTtlHours: 1 } } as AppConfig;

describe('ConfirmEmailHandler', () => {
  let db: EmbeddedStreams;
  let handler: ConfirmEmailHandler;
  let contactId: string;
  let requestId: string;
  let newAddress: string;

  beforeEach(async () => {
    db = openEmbeddedStreams();
    const emails = new ContactEmailRegistry(db.streams, new ContactLookup(db.aggregates));
    handler = new ConfirmEmailHandler(db.aggregates, emails);
    contactId = randomUUID();
    requestId = randomUUID();
    newAddress = `${randomUUID().slice(0, 8)}@new.fr`;
    await new ContactCreation(db.aggregates, emails).create(
      contactId,
      { firstName: 'Zoé', lastName: 'Dupré', email: 'zoe@old.fr', phone: null, language: 'fr' },
      testCommandContext(),
    );
    await db.aggregates.contacts.handle(
      contactId,
      {
        type: 'ActivateContact',
        contactId,
        invitationId: randomUUID(),
        clientId: null,
        expiresAt: '2030-01-01T00:00:00.000Z',
        now: NOW,
        credential: { keyId: 'k', iv: 'iv', data: 'data', tag: 'tag' },
        emailHash: { link: 'same', current: 'same' },
      },
      testCommandContext(),
    );
    // Revision 2: the change waits for the new address's confirmation (valid one hour).
    await new UpdateContactHandler(db.aggregates, config, emails).execute(
      new UpdateContactCommand(
        contactId,
        { email: newAddress },
        testCommandContext({ newId: () => requestId }),
      ),
    );
  });
  afterEach(() => db.close());

  const confirm = (id = requestId, now = NOW) =>
    handler.execute(
      new ConfirmEmailCommand(
        { tenant: 'firm-a', contactId, requestId: id, exp: 0 },
        testCommandContext({ role: 'contact', actor: `contact:${contactId}`, now }),
      ),
    );
  const reservations = async () =>
    (await db.store.readStream(contactEmailStreamId('firm-a', newAddress))).map(
      (event) => event.data.holderRevision,
    );

  it('changes the email and reserves it again from the revision it decides on', async () => {
    expect((await confirm()).revision).toBe(3);
    expect((await db.aggregates.contacts.load(contactId, 'firm-a')).state).toMatchObject({
      details: { email: newAddress },
      pendingEmail: null,
    });
    expect(await reservations()).toEqual([1, 2]);
  });

  it('reserves nothing for a link the decider refuses: superseded, expired, used', async () => {
    await expect(confirm(randomUUID())).rejects.toMatchObject({ code: 'EMAIL_VERIFICATION_SUPERSEDED' });
    await expect(confirm(requestId, '2026-11-28T11:00:00.000Z')).rejects.toMatchObject({
      code: 'EMAIL_VERIFICATION_EXPIRED',
    });
    expect(await reservations()).toEqual([1]);
    await confirm();
    await expect(confirm()).rejects.toMatchObject({ code: 'EMAIL_VERIFICATION_USED' });
    expect(await reservations()).toEqual([1, 2]);
  });
});
