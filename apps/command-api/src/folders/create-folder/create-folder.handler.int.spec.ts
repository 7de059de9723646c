import { randomUUID } from 'node:crypto';
import type { NewFolderDefault } from '@dossiers/events';
import type { CommandContext } from '@dossiers/application';
import { ClientCommandRunner } from '../../clients/client-command-runner';
import type { TenantSettingsLookup } from '../../settings/tenant-settings-lookup';
import {
  openEmbeddedStreams,
  testCommandContext,
  type EmbeddedStreams,
} from '../../shared/testing/embedded-streams';
import { CreateFolderCommand } from './create-folder.command';
import { CreateFolderHandler } from './create-folder.handler';

describe('CreateFolderHandler', () => {
  let db: EmbeddedStreams;
  let policy: NewFolderDefault;
  let handler: CreateFolderHandler;
  let clientId: string;

  beforeEach(async () => {
    db = openEmbeddedStreams();
    policy = 'inherit';
    const settings = {
      current: async () => ({ newFolderDefault: policy }),
    } as unknown as TenantSettingsLookup;
    handler = new CreateFolderHandler(new ClientCommandRunner(db.aggregates), settings);
    clientId = randomUUID();
    await db.aggregates.clients.handle(
      clientId,
      { type: 'CreateClient', clientId, name: 'Acme', groupId: null, attributes: {} },
      testCommandContext(),
    );
  });
  afterEach(() => db.close());

  const create = (
    folderId: string,
    parentId: string | null,
    context: CommandContext = testCommandContext(),
  ) => handler.execute(new CreateFolderCommand(clientId, folderId, parentId, 'Factures', context));
  const created = async () =>
    (await db.store.readStream(`client-${clientId}`))
      .filter((event) => event.type === 'FolderCreated')
      .map((event) => event.data);

  it("lets a new folder inherit for contacts under the firm's default policy", async () => {
    const folderId = randomUUID();
    await create(folderId, null);
    expect(await created()).toEqual([
      expect.objectContaining({ folderId, parentId: null, contactDefault: null }),
    ]);
  });

  it('closes a new folder to contacts when the firm locks new folders', async () => {
    policy = 'locked';
    const folderId = randomUUID();
    await create(folderId, null);
    expect(await created()).toEqual([expect.objectContaining({ folderId, contactDefault: 'none' })]);
  });

  it('lets the decider check the actor: a contact may not shape the tree', async () => {
    const contact = testCommandContext({ role: 'contact', actor: randomUUID() });
    await expect(create(randomUUID(), null, contact)).rejects.toMatchObject({ code: 'CLIENT_NOT_FOUND' });
    expect(await created()).toEqual([]);
  });
});
