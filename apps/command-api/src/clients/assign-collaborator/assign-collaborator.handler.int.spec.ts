import { randomUUID } from 'node:crypto';
import { clientsTestBed, commandContext, type ClientsTestBed } from '../testing/clients-test-bed';
import { AssignCollaboratorCommand } from './assign-collaborator.command';
import { AssignCollaboratorHandler } from './assign-collaborator.handler';

describe('AssignCollaboratorHandler (on the embedded event store)', () => {
  let bed: ClientsTestBed;

  beforeAll(async () => {
    bed = await clientsTestBed([AssignCollaboratorHandler]);
  });
  afterAll(() => bed.close());

  const assign = (clientId: string, collaboratorId: string, access: unknown) =>
    bed
      .get(AssignCollaboratorHandler)
      .execute(new AssignCollaboratorCommand(clientId, collaboratorId, access, commandContext()));

  it("sets a directory collaborator's access", async () => {
    const clientId = await bed.client();
    const collaboratorId = await bed.collaborator();
    await assign(clientId, collaboratorId, 'read');
    expect((await bed.clientEvents(clientId)).at(-1)).toEqual({
      type: 'CollaboratorAccessSet',
      data: { clientId, collaboratorId, access: 'read', previousAccess: null },
    });
  });

  it('refuses a collaborator not in the directory, and an unknown access, naming both (400)', async () => {
    const clientId = await bed.client();
    await expect(assign(clientId, randomUUID(), 'admin')).rejects.toMatchObject({
      errors: [
        { field: 'access', message: 'must be one of none, read, full' },
        { field: 'collaboratorId', message: 'no such collaborator' },
      ],
    });
    expect(await bed.clientEvents(clientId)).toHaveLength(1);
  });
});
