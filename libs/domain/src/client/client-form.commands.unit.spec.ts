import type { ClientEvent, FormSection } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { GoneError, NotFoundError, RuleViolationError, ValidationError } from '../shared/domain-errors';
import { clientId, decide, folder, given, stateOf } from '../testing/client-fixtures';
import { clientDecider, type ClientCommand } from './client.decider';

const spec = deciderSpecification(clientDecider);
const sections: FormSection[] = [
  {
    title: 'Société',
    questions: [
      { key: 'siren', label: 'SIREN', type: 'text', required: true },
      { key: 'staff', label: 'Effectif', type: 'number', required: false },
      { key: 'regime', label: 'Régime', type: 'select', options: ['IS', 'IR'], required: true },
      { key: 'since', label: 'Depuis', type: 'date', required: false },
      { key: 'vat', label: 'TVA', type: 'yesno', required: false },
    ],
  },
];
const template = {
  templateId: 'ft',
  name: 'KYC',
  messages: { fr: 'Bonjour {{contact.firstName}} ({{client.name}})' },
};
const people = { p1: { firstName: 'Jeanne', lastName: 'Durand' }, p2: { firstName: 'Tom', lastName: 'Lee' } };
const now = '2026-03-01T10:00:00.000Z';
const sendForm = (extra: Partial<Extract<ClientCommand, { type: 'SendForm' }>> = {}): ClientCommand => ({
  type: 'SendForm',
  clientId,
  formId: 'f1',
  template,
  now,
  people,
  firmName: 'Cabinet',
  ...extra,
});
const withP2: ClientEvent[] = [
  ...given,
  { type: 'ContactAttached', data: { clientId, contactId: 'p2', language: 'en' } },
];
const sent = (events: ClientEvent[], command = sendForm()) => [...events, ...decide(events, command)];
const link = { clientId, formId: 'f1', contactId: 'p1' };
const answer = (answers: unknown, extra: object = {}): ClientCommand => ({
  type: 'AnswerForm',
  ...link,
  answers,
  sections,
  targetFolderPath: 'Social/Questionnaires',
  newFolderIds: { Social: 'n-social', 'Social/Questionnaires': 'n-q' },
  contactDefault: null,
  fileId: 'report',
  report: { name: 'KYC.xlsx', blobId: 'b1', size: 10, sha256: 'h', contentType: 'application/x' },
  ...extra,
});
const good = { siren: '552120222', regime: 'IS', staff: 3 };

describe('Form commands', () => {
  it('sends now to every contact in their language, the template message rendered; the English one falls back to French', () => {
    const [event] = decide(withP2, sendForm());
    expect(event).toEqual({
      type: 'FormSent',
      data: expect.objectContaining({ formId: 'f1', title: 'KYC', message: null, contactIds: ['p1', 'p2'] }),
    });
    const { recipients } = (event as Extract<ClientEvent, { type: 'FormSent' }>).data;
    expect(recipients.map((r) => [r.contactId, r.language, r.subject, r.text])).toEqual([
      ['p1', 'fr', 'KYC', 'Bonjour Jeanne (Acme)'],
      ['p2', 'en', 'KYC', 'Bonjour Tom (Acme)'],
    ]);
  });

  it('sends the given title and message to the listed contacts only; an unattached one is a 400', () => {
    const [event] = decide(
      withP2,
      sendForm({ title: 'Bilan', message: 'Hi {{contact.lastName}}', recipients: ['p2'] }),
    );
    expect(event).toMatchObject({
      data: {
        contactIds: ['p2'],
        title: 'Bilan',
        recipients: [{ contactId: 'p2', subject: 'Bilan', text: 'Hi Lee' }],
      },
    });
    spec
      .given(withP2)
      .when(sendForm({ recipients: ['p9'] }))
      .thenThrows(ValidationError);
  });

  it('schedules for a later sendAt, then SendScheduledForm sends it once, not before its time', () => {
    const sendAt = '2026-03-02T09:00:00.000Z';
    const [scheduled] = decide(given, sendForm({ sendAt }));
    expect(scheduled).toMatchObject({
      type: 'FormScheduled',
      data: { formId: 'f1', sendAt, recipients: 'all' },
    });
    const due = (at: string): ClientCommand => ({
      type: 'SendScheduledForm',
      clientId,
      formId: 'f1',
      now: at,
      people,
    });
    spec
      .given([...given, scheduled])
      .when(due(now))
      .thenThrows(RuleViolationError, 'FORM_NOT_DUE');
    const [formSent] = decide([...given, scheduled], due(sendAt));
    expect(formSent).toMatchObject({
      type: 'FormSent',
      data: { contactIds: ['p1'], recipients: [{ text: 'Bonjour Jeanne (Acme)' }] },
    });
    spec
      .given([...given, scheduled, formSent])
      .when(due(sendAt))
      .then([]);
    expect(stateOf([...given, scheduled]).forms.f1.status).toBe('scheduled');
  });

  it('records the first opening only; a detached contact or an unknown form is 404', () => {
    const events = sent(given);
    const open: ClientCommand = { type: 'OpenForm', ...link };
    spec
      .given(events)
      .when(open)
      .then([{ type: 'FormOpened', data: link }]);
    spec
      .given([...events, { type: 'FormOpened', data: link }])
      .when(open)
      .then([]);
    spec
      .given([...events, { type: 'ContactDetached', data: { clientId, contactId: 'p1' } }])
      .when(open)
      .thenThrows(NotFoundError);
    spec
      .given(events)
      .when({ ...open, formId: 'other' })
      .thenThrows(NotFoundError);
  });

  it('saves a partial draft, each given answer still checked', () => {
    const events = sent(given);
    const draft = (answers: unknown): ClientCommand => ({
      type: 'SaveFormDraft',
      ...link,
      answers,
      sections,
    });
    spec
      .given(events)
      .when(draft({ staff: 3 }))
      .then([{ type: 'FormDraftSaved', data: { ...link, answers: { staff: 3 } } }]);
    expect(() => decide(events, draft({ staff: 'many' }))).toThrow(
      expect.objectContaining({ errors: [{ field: 'answers.staff', message: 'must be a number' }] }),
    );
  });

  it('refuses a submission naming each invalid question', () => {
    const bad = { staff: 'x', regime: 'SA', since: '2026-02-30', vat: 'yes', extra: 1 };
    let caught: unknown;
    try {
      decide(sent(given), answer(bad));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).errors.map((e) => e.field).sort()).toEqual([
      'answers.extra',
      'answers.regime',
      'answers.since',
      'answers.siren',
      'answers.staff',
      'answers.vat',
    ]);
  });

  it('files the report in the target folder, creating the folders it lacks, in one decision; then 410', () => {
    const events = [...sent(given), folder('existing-social', null, 'social')];
    const decided = decide(events, answer(good));
    expect(decided.map((e) => e.type)).toEqual(['FormAnswered', 'FolderCreated', 'FileUploaded']);
    expect(decided[1]).toMatchObject({
      data: { folderId: 'n-q', parentId: 'existing-social', name: 'Questionnaires' },
    });
    expect(decided[2]).toMatchObject({
      data: { fileId: 'report', folderId: 'n-q', name: 'KYC.xlsx', blobId: 'b1' },
    });
    const after = [...events, ...decided];
    expect(stateOf(after).forms.f1.answered).toBe(true);
    spec.given(after).when(answer(good)).thenThrows(GoneError, 'FORM_ALREADY_ANSWERED');
    spec
      .given(after)
      .when({ type: 'OpenForm', ...link })
      .thenThrows(GoneError);
  });

  it('without a target folder, files in Formulaires at the root (files cannot live at the root)', () => {
    const decided = decide(
      sent(given),
      answer(good, { targetFolderPath: null, newFolderIds: { Formulaires: 'n-f' } }),
    );
    expect(decided[1]).toMatchObject({
      type: 'FolderCreated',
      data: { folderId: 'n-f', parentId: null, name: 'Formulaires' },
    });
    expect(decided[2]).toMatchObject({ data: { folderId: 'n-f' } });
  });
});
