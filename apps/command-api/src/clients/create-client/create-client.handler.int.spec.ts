import { randomUUID } from 'node:crypto';
import { ConflictError, ValidationError } from '@dossiers/domain';
import { WrongExpectedVersionError } from '@dossiers/event-store';
import { ContactCreation } from '../../directory/contact-creation';
import { ContactEmailRegistry } from '../../directory/contact-email-registry';
import { ClientNameRegistry } from '../client-name-registry';
import { clientsTestBed, commandContext, type ClientsTestBed } from '../testing/clients-test-bed';
import { CreateClientCommand, type ClientWizardInput } from './create-client.command';
import { CreateClientHandler } from './create-client.handler';

describe('CreateClientHandler (the wizard, on the embedded event store)', () => {
  let bed: ClientsTestBed;
  let refs: { sheet: string; tree: string; form: string; collaborator: string; contact: string };

  beforeAll(async () => {
    bed = await clientsTestBed([CreateClientHandler]);
    refs = {
      sheet: await bed.sheetTemplate([{ key: 'siren', label: 'SIREN', type: 'text', required: true }]),
      tree: await bed.treeTemplate([{ path: 'Comptabilité', contactDefault: 'read' }]),
      form: await bed.formTemplate(),
      collaborator: await bed.collaborator(),
      contact: await bed.contact('eric@client.fr'),
    };
  });
  afterAll(() => bed.close());
  afterEach(() => jest.restoreAllMocks());

  const wizard = (overrides: Partial<ClientWizardInput> = {}): ClientWizardInput => ({
    name: `Boulangerie ${randomUUID()}`,
    sheetTemplateId: refs.sheet,
    attributes: { siren: '552120222' },
    contacts: [
      {
        firstName: 'Anne',
        lastName: 'Dupont',
        email: `${randomUUID()}@boulangerie.fr`,
        language: 'fr',
        sendActivationEmail: true,
      },
      { contactId: refs.contact, language: 'en', sendActivationEmail: false },
    ],
    collaborators: [{ collaboratorId: refs.collaborator, access: 'full' }],
    treeTemplateId: refs.tree,
    connectors: [{ connectorId: 'pennylane', settings: { companyId: 'PL-42', apiToken: 'secret' } }],
    formTemplateId: refs.form,
    ...overrides,
  });
  const create = (input: ClientWizardInput, context = commandContext()) => {
    const clientId = randomUUID();
    const done = bed.get(CreateClientHandler).execute(new CreateClientCommand(clientId, input, context));
    return { clientId, done };
  };
  /** What a refused wizard must not have done: no event anywhere, no reservation made. */
  const watchWrites = () => ({
    names: jest.spyOn(bed.get(ClientNameRegistry), 'reserve'),
    emails: jest.spyOn(bed.get(ContactEmailRegistry), 'reserve'),
    contacts: jest.spyOn(bed.get(ContactCreation), 'create'),
    client: jest.spyOn(bed.aggregates.clientSetUps, 'handle'),
  });
  const refusal = async (done: Promise<unknown>) => {
    try {
      await done;
    } catch (error) {
      return error;
    }
    throw new Error('expected a refusal');
  };

  it("appends every step's events to the client's stream in one append, after creating the new contact", async () => {
    const writes = watchWrites();
    const { clientId, done } = create(wizard());
    const result = await done;

    const events = await bed.clientEvents(clientId);
    expect(events.map((e) => e.type)).toEqual([
      'ClientCreated',
      'SheetTemplateLoaded',
      'ContactAttached',
      'ContactInvited',
      'ContactAttached',
      'CollaboratorAccessSet',
      'TreeTemplateApplied',
      'ConnectorConfigured',
      'FormSent',
    ]);
    expect(result.revision).toBe(events.length - 1);
    const [newContactId] = writes.contacts.mock.calls.map(([contactId]) => contactId);
    expect(events[2].data).toMatchObject({ contactId: newContactId });
    expect(writes.names).toHaveBeenCalledWith(
      clientId,
      expect.stringMatching(/^Boulangerie/),
      -1,
      expect.anything(),
    );
    // Name, then email, then contact, then the client's one append.
    const order = [writes.names, writes.emails, writes.contacts, writes.client].map(
      (spy) => spy.mock.invocationCallOrder[0],
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('refuses every invalid step at once, each error naming its step, and writes nothing', async () => {
    const writes = watchWrites();
    const before = (await bed.allEvents()).length;
    const { done } = create(
      wizard({
        name: '',
        contacts: [
          { firstName: 'Anne', lastName: 'Dupont', email: 'nope', language: 'fr', sendActivationEmail: true },
        ],
        collaborators: [{ collaboratorId: randomUUID(), access: 'admin' }],
        treeTemplateId: randomUUID(),
        connectors: [{ connectorId: 'sage' }],
        formTemplateId: 'not-a-uuid',
      }),
    );
    const error = (await refusal(done)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.errors.map((e) => [e.step, e.field])).toEqual([
      ['info', 'name'],
      ['contacts', 'contacts.0.email'],
      ['collaborators', 'collaborators.0.access'],
      ['collaborators', 'collaborators.0.collaboratorId'],
      ['tree', 'treeTemplateId'],
      ['connectors', 'connectors.0.connectorId'],
      ['form', 'formTemplateId'],
    ]);
    expect((await bed.allEvents()).length).toBe(before);
    for (const spy of Object.values(writes)) expect(spy).not.toHaveBeenCalled();
  });

  it('decides the whole set-up before writing: a required sheet field left empty is refused, nothing reserved', async () => {
    const writes = watchWrites();
    const { done } = create(wizard({ attributes: {} }));
    const error = (await refusal(done)) as ValidationError;
    expect(error.errors).toEqual([expect.objectContaining({ step: 'info', field: 'attributes.siren' })]);
    for (const spy of Object.values(writes)) expect(spy).not.toHaveBeenCalled();
  });

  it('refuses a new contact whose email another contact has (409 naming the field), and writes nothing', async () => {
    const writes = watchWrites();
    const before = (await bed.allEvents()).length;
    const input = wizard();
    (input.contacts as Record<string, unknown>[])[0].email = 'ERIC@client.fr';
    const error = (await refusal(create(input).done)) as ConflictError;
    expect(error).toMatchObject({ code: 'CONTACT_EMAIL_TAKEN' });
    expect(error.errors).toEqual([expect.objectContaining({ step: 'contacts', field: 'contacts.0.email' })]);
    expect((await bed.allEvents()).length).toBe(before);
    for (const spy of Object.values(writes)) expect(spy).not.toHaveBeenCalled();
  });

  it('names the field of an email taken between the check and the reservation, and creates no contact', async () => {
    const writes = watchWrites();
    writes.emails.mockRejectedValueOnce(new ConflictError('CONTACT_EMAIL_TAKEN', 'taken meanwhile'));
    const { clientId, done } = create(wizard());
    const error = (await refusal(done)) as ConflictError;
    expect(error).toMatchObject({ code: 'CONTACT_EMAIL_TAKEN', message: 'taken meanwhile' });
    expect(error.errors).toEqual([
      { step: 'contacts', field: 'contacts.0.email', message: 'taken meanwhile' },
    ]);
    expect(writes.contacts).not.toHaveBeenCalled();
    expect(await bed.clientEvents(clientId)).toEqual([]);
  });

  it('refuses any If-Match on a creation (412) before reserving anything', async () => {
    const writes = watchWrites();
    const { clientId, done } = create(wizard(), commandContext({ expectedRevision: 'exists' }));
    expect(await refusal(done)).toBeInstanceOf(WrongExpectedVersionError);
    for (const spy of Object.values(writes)) expect(spy).not.toHaveBeenCalled();
    expect(await bed.clientEvents(clientId)).toEqual([]);
  });

  it('gives a collaborator who creates a client without listing themselves full access to it', async () => {
    const context = commandContext({ role: 'collaborator', actor: refs.collaborator });
    const { clientId, done } = create({ name: `Made by ${randomUUID()}` }, context);
    await done;
    expect((await bed.clientEvents(clientId)).slice(1)).toEqual([
      {
        type: 'CollaboratorAccessSet',
        data: expect.objectContaining({ collaboratorId: refs.collaborator, access: 'full' }),
      },
    ]);
  });

  it('completes a request retried after creating its contacts, from the same ids', async () => {
    const input = wizard();
    const clientId = randomUUID();
    const contactId = randomUUID();
    // A retry with the same Idempotency-Key derives the same ids.
    const context = commandContext({
      newId: (kind) => (kind.startsWith('contact:') ? contactId : randomUUID()),
    });
    const handler = bed.get(CreateClientHandler);
    // The first attempt died after creating the contact, before the client's append.
    jest.spyOn(bed.aggregates.clientSetUps, 'handle').mockRejectedValueOnce(new Error('crash'));
    await expect(handler.execute(new CreateClientCommand(clientId, input, context))).rejects.toThrow('crash');
    expect(await bed.clientEvents(clientId)).toEqual([]);

    await handler.execute(new CreateClientCommand(clientId, input, context));
    const attached = (await bed.clientEvents(clientId)).filter((e) => e.type === 'ContactAttached');
    expect(attached.map((e) => e.data.contactId)).toEqual([contactId, refs.contact]);
  });
});
