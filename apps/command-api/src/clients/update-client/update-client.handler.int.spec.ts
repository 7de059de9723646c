import { randomUUID } from 'node:crypto';
import { ForbiddenError, ValidationError } from '@dossiers/domain';
import { ClientNameRegistry } from '../client-name-registry';
import { clientsTestBed, commandContext, type ClientsTestBed } from '../testing/clients-test-bed';
import { UpdateClientCommand } from './update-client.command';
import { UpdateClientHandler } from './update-client.handler';

describe('UpdateClientHandler (on the embedded event store)', () => {
  let bed: ClientsTestBed;

  beforeAll(async () => {
    bed = await clientsTestBed([UpdateClientHandler]);
  });
  afterAll(() => bed.close());
  afterEach(() => jest.restoreAllMocks());

  const update = (clientId: string, changes: UpdateClientCommand['changes'], context = commandContext()) =>
    bed.get(UpdateClientHandler).execute(new UpdateClientCommand(clientId, changes, context));
  const reservations = () => jest.spyOn(bed.get(ClientNameRegistry), 'reserve');
  const touch = (clientId: string, key: string) =>
    bed.changeClient(clientId, {
      type: 'UpdateClient',
      clientId,
      attributes: { set: { [key]: 1 }, removed: [] },
    });

  it('reserves the new name from the revision the rename is decided on', async () => {
    const clientId = await bed.client();
    await touch(clientId, 'a');
    const reserved = reservations();
    const name = `Renamed ${randomUUID()}`;
    const { revision } = await update(clientId, { name });
    expect(reserved.mock.calls.map(([id, n, at]) => [id, n, at])).toEqual([[clientId, name, 1]]);
    expect(revision).toBe(2);
  });

  it('reserves again from the newer revision when a concurrent write makes it decide again', async () => {
    const clientId = await bed.client();
    const registry = bed.get(ClientNameRegistry);
    const reserve = registry.reserve.bind(registry);
    const reserved = reservations().mockImplementationOnce(async (...args) => {
      await reserve(...args);
      await touch(clientId, 'meanwhile');
    });
    const name = `Renamed ${randomUUID()}`;
    await update(clientId, { name });
    expect(reserved.mock.calls.map(([, , at]) => at)).toEqual([0, 1]);
    expect((await bed.clientEvents(clientId)).map((e) => e.type)).toEqual([
      'ClientCreated',
      'ClientAttributesChanged',
      'ClientRenamed',
    ]);
  });

  it('reserves nothing when the name keeps its key (case, accents, spacing)', async () => {
    const name = `Société ${randomUUID()}`;
    const clientId = await bed.client(name);
    const reserved = reservations();
    await update(clientId, { name: name.toUpperCase().replace('É', 'E'), attributes: { b: 2 } });
    expect(reserved).not.toHaveBeenCalled();
  });

  it('refuses a name another client holds (409) and leaves the client as it was', async () => {
    const taken = `Taken ${randomUUID()}`;
    await bed.client(taken);
    const clientId = await bed.client();
    await expect(update(clientId, { name: taken.toLowerCase() })).rejects.toMatchObject({
      code: 'CLIENT_NAME_TAKEN',
    });
    expect(await bed.clientEvents(clientId)).toHaveLength(1);
  });

  it('reserves nothing for a collaborator who may only read the client (403)', async () => {
    const clientId = await bed.client();
    const reader = await bed.collaborator();
    await bed.changeClient(clientId, {
      type: 'AssignCollaborator',
      clientId,
      collaboratorId: reader,
      access: 'read',
    });
    const reserved = reservations();
    const context = commandContext({ role: 'collaborator', actor: reader });
    await expect(update(clientId, { name: `Mine ${randomUUID()}` }, context)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(reserved).not.toHaveBeenCalled();
  });

  it('reserves nothing for a rename the sheet refuses (an attribute of the wrong type)', async () => {
    const clientId = await bed.client();
    await bed.changeClient(clientId, {
      type: 'LoadSheetTemplate',
      clientId,
      template: {
        templateId: randomUUID(),
        name: 'Sheet',
        fields: [{ key: 'num', label: 'Number', type: 'number', required: false }],
      },
    });
    const reserved = reservations();
    const refused = update(clientId, { name: `Blocked ${randomUUID()}`, attributes: { num: 'abc' } });
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    expect(reserved).not.toHaveBeenCalled();
  });

  it('refuses a group that does not exist (400 naming groupId), before reserving', async () => {
    const clientId = await bed.client();
    const reserved = reservations();
    const refused = update(clientId, { name: `Other ${randomUUID()}`, groupId: randomUUID() });
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({ errors: [expect.objectContaining({ field: 'groupId' })] });
    expect(reserved).not.toHaveBeenCalled();
    const groupId = await bed.group();
    await update(clientId, { groupId });
    expect((await bed.clientEvents(clientId)).at(-1)).toMatchObject({ data: { groupId } });
  });
});
