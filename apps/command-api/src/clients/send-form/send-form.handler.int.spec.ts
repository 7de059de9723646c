import { randomUUID } from 'node:crypto';
import { clientsTestBed, commandContext, type ClientsTestBed } from '../testing/clients-test-bed';
import { SendFormCommand } from './send-form.command';
import { SendFormHandler } from './send-form.handler';
import { FormSteps } from '../../forms/form-steps';
import { ReminderSteps } from '../reminders/reminder-steps';
import { TenantSettingsLookup } from '../../settings/tenant-settings-lookup';

describe('SendFormHandler (on the embedded event store)', () => {
  let bed: ClientsTestBed;

  beforeAll(async () => {
    bed = await clientsTestBed([SendFormHandler, FormSteps, ReminderSteps, TenantSettingsLookup]);
  });
  afterAll(() => bed.close());

  const send = (clientId: string, formTemplateId: unknown) =>
    bed.get(SendFormHandler).execute(new SendFormCommand(clientId, { formTemplateId }, commandContext()));

  it('sends the form and answers its id with the revision', async () => {
    const clientId = await bed.client();
    const templateId = await bed.formTemplate();
    const { formId, revision } = await send(clientId, templateId);
    const events = await bed.clientEvents(clientId);
    expect(events.at(-1)).toMatchObject({
      type: 'FormSent',
      data: { formId, formTemplateId: templateId, formName: 'Onboarding' },
    });
    expect(revision).toBe(events.length - 1);
  });

  it('refuses an unknown template (400 naming formTemplateId)', async () => {
    const clientId = await bed.client();
    await expect(send(clientId, randomUUID())).rejects.toMatchObject({
      errors: [{ field: 'formTemplateId', message: 'no such form template' }],
    });
  });
});
