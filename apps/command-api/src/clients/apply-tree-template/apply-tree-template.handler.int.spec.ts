import { randomUUID } from 'node:crypto';
import { clientsTestBed, commandContext, type ClientsTestBed } from '../testing/clients-test-bed';
import { ApplyTreeTemplateCommand } from './apply-tree-template.command';
import { ApplyTreeTemplateHandler } from './apply-tree-template.handler';

describe('ApplyTreeTemplateHandler (on the embedded event store)', () => {
  let bed: ClientsTestBed;

  beforeAll(async () => {
    bed = await clientsTestBed([ApplyTreeTemplateHandler]);
  });
  afterAll(() => bed.close());

  const apply = (clientId: string, treeTemplateId: unknown, context = commandContext()) =>
    bed
      .get(ApplyTreeTemplateHandler)
      .execute(new ApplyTreeTemplateCommand(clientId, treeTemplateId, context));

  it("adds the template's folders with the ids the request derives for their paths", async () => {
    const clientId = await bed.client();
    const templateId = await bed.treeTemplate([
      { path: 'Comptabilité', contactDefault: 'read' },
      { path: 'Comptabilité/Factures', contactDefault: 'full' },
    ]);
    const context = commandContext({ newId: (kind) => `${kind}-id` });
    const applied = await apply(clientId, templateId, context);
    expect((await bed.clientEvents(clientId)).at(-1)).toMatchObject({
      type: 'TreeTemplateApplied',
      data: {
        folders: [
          expect.objectContaining({ folderId: `folder:${templateId}:Comptabilité-id` }),
          expect.objectContaining({ folderId: `folder:${templateId}:Comptabilité/Factures-id` }),
        ],
      },
    });
    const again = await apply(clientId, templateId);
    expect(again.revision).toBe(applied.revision);
  });

  it('refuses an unknown template (400 naming treeTemplateId)', async () => {
    const clientId = await bed.client();
    await expect(apply(clientId, randomUUID())).rejects.toMatchObject({
      errors: [{ field: 'treeTemplateId', message: 'no such tree template' }],
    });
    expect(await bed.clientEvents(clientId)).toHaveLength(1);
  });
});
