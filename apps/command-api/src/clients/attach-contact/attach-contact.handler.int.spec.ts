import { randomUUID } from 'node:crypto';
import { ForbiddenError, NotFoundError } from '@dossiers/domain';
import { WrongExpectedVersionError } from '@dossiers/event-store';
import { ContactCreation } from '../../directory/contact-creation';
import { ContactLookup } from '../../directory/contact-lookup';
import { clientsTestBed, commandContext, type ClientsTestBed } from '../testing/clients-test-bed';
import { AttachContactCommand, type ContactToAttach } from './attach-contact.command';
import { AttachContactHandler } from './attach-contact.handler';

describe('AttachContactHandler (on the embedded event store)', () => {
  let bed: ClientsTestBed;

  beforeAll(async () => {
    bed = await clientsTestBed([AttachContactHandler]);
  });
  afterAll(() => bed.close());
  afterEach(() => jest.restoreAllMocks());

  const newContact = (): ContactToAttach => ({
    firstName: 'Anne',
    lastName: 'Dupont',
    email: `${randomUUID()}@boulangerie.fr`,
    language: 'fr',
    sendActivationEmail: true,
  });
  const attach = (clientId: string, contact: ContactToAttach, context = commandContext()) =>
    bed.get(AttachContactHandler).execute(new AttachContactCommand(clientId, contact, context));
  const creations = () => jest.spyOn(bed.get(ContactCreation), 'create');

  it('creates a new contact in the directory, then attaches it', async () => {
    const clientId = await bed.client();
    const { contactId, revision } = await attach(clientId, newContact());
    expect((await bed.get(ContactLookup).find(contactId, 'firm-a')).status).toBe('active');
    expect(revision).toBe(2);
    expect((await bed.clientEvents(clientId)).slice(1)).toEqual([
      { type: 'ContactAttached', data: expect.objectContaining({ contactId, language: 'fr' }) },
      { type: 'ContactInvited', data: expect.objectContaining({ contactId }) },
    ]);
  });

  it('attaches an existing contact without creating one', async () => {
    const clientId = await bed.client();
    const existing = await bed.contact();
    const created = creations();
    const { contactId } = await attach(clientId, {
      contactId: existing,
      language: 'de',
      sendActivationEmail: false,
    });
    expect(contactId).toBe(existing);
    expect(created).not.toHaveBeenCalled();
    expect((await bed.clientEvents(clientId)).map((e) => e.type)).toEqual([
      'ClientCreated',
      'ContactAttached',
    ]);
  });

  it.each([
    ['a client that does not exist', async () => randomUUID(), commandContext(), NotFoundError],
    [
      'a collaborator without full access',
      async () => bed.client(),
      commandContext({ role: 'collaborator', actor: randomUUID() }),
      NotFoundError,
    ],
    [
      'a contact',
      async () => bed.client(),
      commandContext({ role: 'contact', actor: randomUUID() }),
      NotFoundError,
    ],
    [
      'a stale If-Match',
      async () => bed.client(),
      commandContext({ expectedRevision: 7 }),
      WrongExpectedVersionError,
    ],
  ])('creates no contact for %s', async (_, clientOf, context, refusal) => {
    const created = creations();
    const clientId = await clientOf();
    await expect(attach(clientId, newContact(), context)).rejects.toBeInstanceOf(refusal);
    expect(created).not.toHaveBeenCalled();
  });

  it('creates no contact for a collaborator who may only read the client (403)', async () => {
    const clientId = await bed.client();
    const reader = await bed.collaborator();
    await bed.changeClient(clientId, {
      type: 'AssignCollaborator',
      clientId,
      collaboratorId: reader,
      access: 'read',
    });
    const created = creations();
    const context = commandContext({ role: 'collaborator', actor: reader });
    await expect(attach(clientId, newContact(), context)).rejects.toBeInstanceOf(ForbiddenError);
    expect(created).not.toHaveBeenCalled();
  });

  it("refuses a new contact whose email is taken (409), before touching the client's stream", async () => {
    const clientId = await bed.client();
    const email = `${randomUUID()}@client.fr`;
    await bed.contact(email);
    const created = creations();
    await expect(attach(clientId, { ...newContact(), email: email.toUpperCase() })).rejects.toMatchObject({
      code: 'CONTACT_EMAIL_TAKEN',
      errors: [expect.objectContaining({ field: 'email' })],
    });
    expect(created).not.toHaveBeenCalled();
    expect(await bed.clientEvents(clientId)).toHaveLength(1);
  });

  it('decides again after a concurrent write on the client: one contact, attached once', async () => {
    const clientId = await bed.client();
    const create = bed.get(ContactCreation).create.bind(bed.get(ContactCreation));
    const created = creations().mockImplementationOnce(async (...args) => {
      // Another request changes the client while this one creates its contact.
      await bed.changeClient(clientId, {
        type: 'UpdateClient',
        clientId,
        attributes: { set: { a: 1 }, removed: [] },
      });
      return create(...args);
    });
    const { contactId, revision } = await attach(clientId, newContact());
    expect(revision).toBe(3);
    expect(created.mock.calls.every(([id]) => id === contactId)).toBe(true);
    const events = await bed.allEvents();
    expect(events.filter((e) => e.type === 'ContactCreated' && e.data.contactId === contactId)).toHaveLength(
      1,
    );
    expect((await bed.clientEvents(clientId)).map((e) => e.type)).toEqual([
      'ClientCreated',
      'ClientAttributesChanged',
      'ContactAttached',
      'ContactInvited',
    ]);
  });
});
