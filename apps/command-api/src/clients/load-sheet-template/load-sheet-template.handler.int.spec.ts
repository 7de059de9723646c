import { randomUUID } from 'node:crypto';
import { clientsTestBed, commandContext, type ClientsTestBed } from '../testing/clients-test-bed';
import { LoadSheetTemplateCommand } from './load-sheet-template.command';
import { LoadSheetTemplateHandler } from './load-sheet-template.handler';

describe('LoadSheetTemplateHandler (on the embedded event store)', () => {
  let bed: ClientsTestBed;

  beforeAll(async () => {
    bed = await clientsTestBed([LoadSheetTemplateHandler]);
  });
  afterAll(() => bed.close());

  const load = (clientId: string, sheetTemplateId: unknown) =>
    bed
      .get(LoadSheetTemplateHandler)
      .execute(new LoadSheetTemplateCommand(clientId, sheetTemplateId, commandContext()));

  it("adds the template's fields, read from the template's stream", async () => {
    const clientId = await bed.client();
    const field = { key: 'siren', label: 'SIREN', type: 'text' as const, required: true };
    const templateId = await bed.sheetTemplate([field]);
    await load(clientId, templateId.toUpperCase());
    expect((await bed.clientEvents(clientId)).at(-1)).toEqual({
      type: 'SheetTemplateLoaded',
      data: { clientId, templateId, templateName: 'Company', fields: [field] },
    });
  });

  it.each([
    ['an unknown template', randomUUID(), 'no such sheet template'],
    ['no template id', undefined, 'must be a uuid'],
    ['an id that is not a uuid', 'company', 'must be a uuid'],
  ])('refuses %s (400 naming sheetTemplateId)', async (_, sheetTemplateId, message) => {
    const clientId = await bed.client();
    await expect(load(clientId, sheetTemplateId)).rejects.toMatchObject({
      code: 'VALIDATION',
      errors: [{ field: 'sheetTemplateId', message }],
    });
    expect(await bed.clientEvents(clientId)).toHaveLength(1);
  });
});
