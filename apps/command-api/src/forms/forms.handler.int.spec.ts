import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { GoneError, ValidationError } from '@dossiers/domain';
import type { FormSection } from '@dossiers/events';
import { BLOB_STORE, LocalDiskBlobStore } from '@dossiers/blob-store';
import { APP_CONFIG, type AppConfig } from '@dossiers/platform';
import type { FormClaims } from '@dossiers/notifications';
import { clientsTestBed, commandContext, type ClientsTestBed } from '../clients/testing/clients-test-bed';
import { ReminderSteps } from '../clients/reminders/reminder-steps';
import { SendFormHandler } from '../clients/send-form/send-form.handler';
import { SendFormCommand } from '../clients/send-form/send-form.command';
import { TenantSettingsLookup } from '../settings/tenant-settings-lookup';
import { FormSteps } from './form-steps';
import { OpenFormHandler } from './open-form/open-form.handler';
import { OpenFormCommand } from './open-form/open-form.command';
import { SaveFormDraftHandler } from './save-form-draft/save-form-draft.handler';
import { SaveFormDraftCommand } from './save-form-draft/save-form-draft.command';
import { AnswerFormHandler } from './answer-form/answer-form.handler';
import { AnswerFormCommand } from './answer-form/answer-form.command';
import { SendScheduledFormHandler } from './send-scheduled-form/send-scheduled-form.handler';
import { SendScheduledFormCommand } from './send-scheduled-form/send-scheduled-form.command';

const sections: FormSection[] = [
  {
    title: 'Société',
    questions: [
      { key: 'siren', label: 'SIREN', type: 'text', required: true },
      { key: 'regime', label: 'Régime', type: 'select', options: ['IS', 'IR'], required: true },
    ],
  },
];

describe('Form handlers (embedded event store, local-disk blob store)', () => {
  let bed: ClientsTestBed;
  let blobDir: string;
  let blobs: LocalDiskBlobStore;

  beforeAll(async () => {
    blobDir = mkdtempSync(join(tmpdir(), 'form-blobs-'));
    blobs = new LocalDiskBlobStore(blobDir);
    bed = await clientsTestBed([
      { provide: BLOB_STORE, useValue: blobs },
      { provide: APP_CONFIG, useValue: { maxUploadBytes: 10_000_000 } as AppConfig },
      ...[FormSteps, ReminderSteps, TenantSettingsLookup],
      ...[
        SendFormHandler,
        OpenFormHandler,
        SaveFormDraftHandler,
        AnswerFormHandler,
        SendScheduledFormHandler,
      ],
    ]);
  });
  afterAll(async () => {
    await bed.close();
    rmSync(blobDir, { recursive: true, force: true });
  });

  /** A client with one contact (attached in French) and a form template filing in Social/Questionnaires. */
  async function setUp() {
    const clientId = await bed.client();
    const contactId = await bed.contact();
    await bed.changeClient(clientId, {
      type: 'AttachContact',
      clientId,
      contactId,
      language: 'fr',
      sendActivationEmail: false,
    });
    const templateId = randomUUID();
    await bed.aggregates.formTemplates.handle(
      templateId,
      {
        type: 'CreateFormTemplate',
        templateId,
        name: 'KYC',
        sections,
        targetFolderPath: 'Social/Questionnaires',
        messages: { fr: 'Bonjour {{contact.firstName}}' },
      },
      commandContext(),
    );
    return { clientId, contactId, templateId };
  }
  const contactContext = (contactId: string) =>
    commandContext({ role: 'contact', actor: `contact:${contactId}` });
  const claims = (clientId: string, formId: string, contactId: string): FormClaims => ({
    tenant: 'firm-a',
    clientId,
    formId,
    contactId,
    exp: Math.floor(Date.parse('2027-01-01T00:00:00Z') / 1000),
  });

  it('sends now with each mail rendered, opens, drafts, refuses bad answers, files the report once', async () => {
    const { clientId, contactId, templateId } = await setUp();
    const { formId } = await bed
      .get(SendFormHandler)
      .execute(
        new SendFormCommand(clientId, { formTemplateId: templateId, recipients: 'all' }, commandContext()),
      );
    const sent = (await bed.clientEvents(clientId)).at(-1);
    expect(sent).toMatchObject({
      type: 'FormSent',
      data: { formId, title: 'KYC', recipients: [{ contactId, language: 'fr', text: 'Bonjour Éric' }] },
    });
    const link = claims(clientId, formId, contactId);
    const context = contactContext(contactId);

    const view = await bed.get(OpenFormHandler).execute(new OpenFormCommand(link, context));
    expect(view).toEqual({ formId, title: 'KYC', message: 'Bonjour Éric', sections, draft: null });
    await bed.get(SaveFormDraftHandler).execute(new SaveFormDraftCommand(link, { siren: '552' }, context));
    expect((await bed.get(OpenFormHandler).execute(new OpenFormCommand(link, context))).draft).toEqual({
      siren: '552',
    });

    await expect(
      bed.get(AnswerFormHandler).execute(new AnswerFormCommand(link, { regime: 'SA' }, context)),
    ).rejects.toMatchObject({
      constructor: ValidationError,
      errors: [
        { field: 'answers.siren', message: 'is required' },
        { field: 'answers.regime', message: 'must be one of ["IS","IR"]' },
      ],
    });

    const { fileId } = await bed
      .get(AnswerFormHandler)
      .execute(new AnswerFormCommand(link, { siren: '552120222', regime: 'IS' }, context));
    const events = await bed.clientEvents(clientId);
    const types = events.map((e) => e.type);
    expect(types.filter((t) => t === 'FormOpened')).toHaveLength(1);
    expect(types.slice(-4)).toEqual(['FormAnswered', 'FolderCreated', 'FolderCreated', 'FileUploaded']);
    const uploaded = events.at(-1)!.data as {
      fileId: string;
      folderId: string;
      blobId: string;
      name: string;
    };
    expect(uploaded).toMatchObject({
      fileId,
      folderId: (events.at(-2)!.data as { folderId: string }).folderId,
    });
    expect(uploaded.name).toBe('KYC - 2026-11-28.xlsx');

    // The blob is promoted (no longer pending) and is a workbook naming the answers.
    const pending: string[] = [];
    for await (const blob of blobs.listPending(new Date(Date.now() + 60_000))) pending.push(blob.blobId);
    expect(pending).not.toContain(uploaded.blobId);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read((await blobs.read(uploaded.blobId)) as Readable);
    const cells = workbook.worksheets[0].getSheetValues().flat().map(String);
    expect(cells).toEqual(expect.arrayContaining(['KYC', 'SIREN', '552120222', 'IS']));

    await expect(
      bed.get(AnswerFormHandler).execute(new AnswerFormCommand(link, { siren: '1', regime: 'IS' }, context)),
    ).rejects.toBeInstanceOf(GoneError);
    await expect(bed.get(OpenFormHandler).execute(new OpenFormCommand(link, context))).rejects.toBeInstanceOf(
      GoneError,
    );
  });

  it('an expired link answers 410', async () => {
    const { clientId, contactId, templateId } = await setUp();
    const { formId } = await bed
      .get(SendFormHandler)
      .execute(new SendFormCommand(clientId, { formTemplateId: templateId }, commandContext()));
    const expired = { ...claims(clientId, formId, contactId), exp: 1 };
    await expect(
      bed.get(OpenFormHandler).execute(new OpenFormCommand(expired, contactContext(contactId))),
    ).rejects.toMatchObject({ code: 'FORM_LINK_EXPIRED' });
  });

  it('schedules for sendAt; SendScheduledForm sends it at its time, once however often it runs', async () => {
    const { clientId, templateId } = await setUp();
    const sendAt = '2026-12-01T09:00:00.000Z';
    const { formId } = await bed
      .get(SendFormHandler)
      .execute(new SendFormCommand(clientId, { formTemplateId: templateId, sendAt }, commandContext()));
    expect((await bed.clientEvents(clientId)).at(-1)).toMatchObject({
      type: 'FormScheduled',
      data: { formId, sendAt },
    });
    const due = () =>
      bed
        .get(SendScheduledFormHandler)
        .execute(new SendScheduledFormCommand(clientId, formId, commandContext({ now: sendAt })));
    await Promise.all([due(), due()]);
    await due();
    const sentEvents = (await bed.clientEvents(clientId)).filter((e) => e.type === 'FormSent');
    expect(sentEvents).toHaveLength(1);
    expect(sentEvents[0]).toMatchObject({ data: { formId, recipients: [{ text: 'Bonjour Éric' }] } });
  });
});
