import { randomUUID } from 'node:crypto';
import { TenantSettingsLookup } from '../../settings/tenant-settings-lookup';
import { clientsTestBed, commandContext, type ClientsTestBed } from '../testing/clients-test-bed';
import { ReminderSteps } from './reminder-steps';
import { ScheduleReminderCommand } from './schedule-reminder/schedule-reminder.command';
import { ScheduleReminderHandler } from './schedule-reminder/schedule-reminder.handler';
import { ChangeReminderCommand } from './change-reminder/change-reminder.command';
import { ChangeReminderHandler } from './change-reminder/change-reminder.handler';
import { SendReminderOccurrenceCommand } from './send-reminder-occurrence/send-reminder-occurrence.command';
import { SendReminderOccurrenceHandler } from './send-reminder-occurrence/send-reminder-occurrence.handler';

describe('Reminder handlers (on the embedded event store)', () => {
  let bed: ClientsTestBed;
  const texts = { fr: { subject: 'Rappel {{client.name}}', body: 'Bonjour {{contact.firstName}}' } };

  beforeAll(async () => {
    bed = await clientsTestBed([
      ReminderSteps,
      TenantSettingsLookup,
      ScheduleReminderHandler,
      ChangeReminderHandler,
      SendReminderOccurrenceHandler,
    ]);
  });
  afterAll(() => bed.close());

  async function clientWithContact(name?: string) {
    const clientId = await bed.client(name);
    const contactId = await bed.contact();
    await bed.changeClient(clientId, {
      type: 'AttachContact',
      clientId,
      contactId,
      language: 'fr',
      sendActivationEmail: false,
    });
    const templateId = randomUUID();
    await bed.aggregates.reminderTemplates.handle(
      templateId,
      { type: 'CreateReminderTemplate', templateId, name: 'Pièces', texts },
      commandContext(),
    );
    return { clientId, contactId, templateId };
  }
  const schedule = (clientId: string, input: object) =>
    bed.get(ScheduleReminderHandler).execute(new ScheduleReminderCommand(clientId, input, commandContext()));
  const occurrence = (clientId: string, reminderId: string, n: number, now: string) =>
    bed
      .get(SendReminderOccurrenceHandler)
      .execute(
        new SendReminderOccurrenceCommand(
          clientId,
          reminderId,
          n,
          commandContext({ actor: 'reminder-scheduler', role: 'service', now }),
        ),
      );

  it('schedules with the template texts customised and the firm calendar, then sends an occurrence once', async () => {
    const { clientId, contactId, templateId } = await clientWithContact('Acme');
    const { reminderId } = await schedule(clientId, {
      templateId,
      body: { fr: 'Bonjour {{contact.firstName}}, de la part de {{firm.name}}.' },
      recipients: 'all',
      schedule: { at: '2026-12-01T08:00:00Z' },
    });
    expect((await bed.clientEvents(clientId)).at(-1)).toMatchObject({
      type: 'ReminderScheduled',
      data: {
        reminderId,
        templateName: 'Pièces',
        texts: {
          fr: {
            subject: 'Rappel {{client.name}}',
            body: 'Bonjour {{contact.firstName}}, de la part de {{firm.name}}.',
          },
        },
        calendar: { timeZone: 'Europe/Paris', sendHour: '09:00' },
      },
    });
    const first = await occurrence(clientId, reminderId, 0, '2026-12-01T08:30:00.000Z');
    const again = await occurrence(clientId, reminderId, 0, '2026-12-01T08:31:00.000Z');
    const sent = (await bed.clientEvents(clientId)).filter((e) => e.type === 'ReminderOccurrenceSent');
    expect(sent).toEqual([
      {
        type: 'ReminderOccurrenceSent',
        data: expect.objectContaining({
          occurrence: 0,
          late: true,
          recipients: [expect.objectContaining({ contactId, language: 'fr', subject: 'Rappel Acme' })],
        }),
      },
    ]);
    expect(again).toMatchObject({ revision: first.revision, unchanged: true });
  });

  it('400s naming each bad field, nothing stored', async () => {
    const { clientId, templateId } = await clientWithContact();
    const before = (await bed.clientEvents(clientId)).length;
    await expect(
      schedule(clientId, {
        templateId: randomUUID(),
        recipients: 'all',
        schedule: { at: '2027-01-01T00:00:00Z' },
      }),
    ).rejects.toMatchObject({ errors: [{ field: 'templateId', message: 'no such reminder template' }] });
    await expect(
      schedule(clientId, {
        templateId,
        subject: { xx: 'a' },
        recipients: [],
        schedule: { at: 'soon' },
      }),
    ).rejects.toMatchObject({
      errors: expect.arrayContaining([
        expect.objectContaining({ field: 'subject.xx' }),
        expect.objectContaining({ field: 'recipients' }),
        expect.objectContaining({ field: 'schedule.at' }),
      ]),
    });
    expect(await bed.clientEvents(clientId)).toHaveLength(before);
  });

  it('a customised body on PATCH replaces the reminder text in that language only', async () => {
    const { clientId, templateId } = await clientWithContact();
    const { reminderId } = await schedule(clientId, {
      templateId,
      recipients: 'all',
      schedule: { at: '2026-12-01T08:00:00Z' },
    });
    await bed
      .get(ChangeReminderHandler)
      .execute(
        new ChangeReminderCommand(clientId, reminderId, { body: { fr: 'Nouveau' } }, commandContext()),
      );
    expect((await bed.clientEvents(clientId)).at(-1)).toEqual({
      type: 'ReminderRescheduled',
      data: {
        clientId,
        reminderId,
        fromOccurrence: 0,
        texts: { fr: { subject: 'Rappel {{client.name}}', body: 'Nouveau' } },
      },
    });
  });
});
