import { randomUUID } from 'node:crypto';
import { ValidationError } from '@dossiers/domain';
import { clientsTestBed, commandContext, type ClientsTestBed } from '../../clients/testing/clients-test-bed';
import { GroupLookup } from '../group-lookup';
import { CreateGroupCommand } from './create-group.command';
import { CreateGroupHandler } from './create-group.handler';

describe('CreateGroupHandler (on the embedded event store)', () => {
  let bed: ClientsTestBed;

  beforeAll(async () => {
    bed = await clientsTestBed([CreateGroupHandler]);
  });
  afterAll(() => bed.close());

  const create = (groupId: string, name: string, context = commandContext()) =>
    bed.get(CreateGroupHandler).execute(new CreateGroupCommand(groupId, name, context));

  it('creates a group that the commands naming a group then find, in its firm only', async () => {
    const groupId = randomUUID();
    expect(await create(groupId, '  Clients BNC ')).toMatchObject({ revision: 0 });
    const groups = bed.get(GroupLookup);
    expect(await groups.check(groupId, 'firm-a')).toEqual([]);
    expect(await groups.check(groupId, 'firm-b')).toEqual([
      { field: 'groupId', message: `no such group: ${groupId}` },
    ]);
    expect(await groups.check(randomUUID(), 'firm-a')).toHaveLength(1);
  });

  it('refuses a blank name (400 naming it) and stores nothing', async () => {
    const groupId = randomUUID();
    const refused = create(groupId, '   ');
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({ errors: [expect.objectContaining({ field: 'name' })] });
    expect(await bed.store.readStream(bed.aggregates.groups.streamId(groupId))).toEqual([]);
  });
});
