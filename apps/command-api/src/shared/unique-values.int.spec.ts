import { randomUUID } from 'node:crypto';
import { ConflictError } from '@dossiers/domain';
import { ClientNameRegistry, clientNameStreamId } from '../clients/client-name-registry';
import { ContactEmailRegistry, contactEmailStreamId } from '../directory/contact-email-registry';
import { ContactLookup } from '../directory/contact-lookup';
import { openEmbeddedStreams, testCommandContext, type EmbeddedStreams } from './testing/embedded-streams';

const context = testCommandContext;
const details = (email: string) => ({
  firstName: 'Zoé',
  lastName: 'Dupré',
  email,
  phone: null,
  language: 'fr' as const,
});

describe('UniqueValues (ContactEmailRegistry and ClientNameRegistry on the SQLite event store)', () => {
  let db: EmbeddedStreams;
  let emails: ContactEmailRegistry;
  let names: ClientNameRegistry;

  beforeEach(() => {
    db = openEmbeddedStreams();
    emails = new ContactEmailRegistry(db.streams, new ContactLookup(db.aggregates));
    names = new ClientNameRegistry(db.streams, db.aggregates);
  });
  afterEach(() => db.close());

  const email = () => `${randomUUID().slice(0, 8)}@example.fr`;
  const reservations = (email: string) => db.store.readStream(contactEmailStreamId('firm-a', email));
  const createContact = async (contactId: string, address: string) => {
    await emails.reserve(contactId, address, -1, context());
    await db.aggregates.contacts.handle(
      contactId,
      { type: 'CreateContact', contactId, details: details(address) },
      context(),
    );
  };

  it('lets one of many concurrent requesters reserve a value, and refuses the others', async () => {
    const address = email();
    const requesters = Array.from({ length: 6 }, () => randomUUID());

    const outcomes = await Promise.allSettled(
      requesters.map((id) => emails.reserve(id, address, -1, context())),
    );

    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refusals = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refusals).toHaveLength(5);
    for (const { reason } of refusals) {
      expect(reason).toBeInstanceOf(ConflictError);
      expect((reason as ConflictError).code).toBe('CONTACT_EMAIL_TAKEN');
    }
    const recorded = await reservations(address);
    expect(recorded).toHaveLength(1);
    const winner = requesters[outcomes.findIndex((o) => o.status === 'fulfilled')];
    expect(recorded[0].data).toMatchObject({ contactId: winner, email: address, holderRevision: -1 });
  });

  it('reads the holder again when a concurrent reservation made it decide again', async () => {
    const address = email();
    const holder = randomUUID();
    await createContact(holder, address);
    // The holder moves on to another address: its old one is free, until someone reserves it again.
    await db.aggregates.contacts.handle(
      holder,
      {
        type: 'ChangeContactDetails',
        contactId: holder,
        changes: { email: email() },
        actorRole: 'admin',
        emailRequest: { requestId: randomUUID(), expiresAt: '2027-01-01T00:00:00.000Z' },
      },
      context(),
    );

    const [first, second] = await Promise.allSettled([
      emails.reserve(randomUUID(), address, -1, context()),
      emails.reserve(randomUUID(), address, -1, context()),
    ]);
    expect([first.status, second.status].sort()).toEqual(['fulfilled', 'rejected']);
    expect(await reservations(address)).toHaveLength(2);
  });

  it('records nothing when the same requester reserves again from the same revision, and a newer revision once', async () => {
    const address = email();
    const contactId = randomUUID();
    await emails.reserve(contactId, address, -1, context());
    await emails.reserve(contactId, address, -1, context());
    expect(await reservations(address)).toHaveLength(1);

    await emails.reserve(contactId, address, 3, context());
    const recorded = await reservations(address);
    expect(recorded.map((event) => event.data.holderRevision)).toEqual([-1, 3]);
  });

  it("ignores the caller's If-Match, which names the reserving aggregate's stream", async () => {
    const address = email();
    await emails.reserve(randomUUID(), address, 4, context({ expectedRevision: 4 }));
    expect(await reservations(address)).toHaveLength(1);
  });

  it('pre-checks without reserving, its own reservation not counting', async () => {
    const address = email();
    const holder = randomUUID();
    const { now, tenant } = context();
    expect(await emails.isTaken(address, tenant, now, randomUUID())).toBe(false);
    await createContact(holder, address);

    expect(await emails.isTaken(address, tenant, now, randomUUID())).toBe(true);
    expect(await emails.isTaken(address.toUpperCase(), tenant, now, randomUUID())).toBe(true);
    expect(await emails.isTaken(address, tenant, now, holder)).toBe(false);
    expect(await emails.isTaken(address, 'firm-b', now, randomUUID())).toBe(false);
    expect(await reservations(address)).toHaveLength(1);
  });

  it('keeps client names unique per firm, and frees the name of a deleted client', async () => {
    const name = `Société ${randomUUID().slice(0, 8)}`;
    const clientId = randomUUID();
    await names.reserve(clientId, name, -1, context());
    await db.aggregates.clients.handle(
      clientId,
      { type: 'CreateClient', clientId, name, groupId: null, attributes: {} },
      context(),
    );

    await expect(names.reserve(randomUUID(), name.toUpperCase(), -1, context())).rejects.toMatchObject({
      code: 'CLIENT_NAME_TAKEN',
    });
    await names.reserve(randomUUID(), name, -1, context({ tenant: 'firm-b' }));

    await db.aggregates.clients.handle(clientId, { type: 'DeleteClient', clientId }, context());
    const next = randomUUID();
    await names.reserve(next, name, -1, context());
    const recorded = await db.store.readStream(clientNameStreamId('firm-a', name));
    expect(recorded.map((event) => event.data.clientId)).toEqual([clientId, next]);
  });
});
