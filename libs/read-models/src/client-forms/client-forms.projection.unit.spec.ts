import { projectionSpecification, type SpecEvent } from '../testing/projection-specification';
import { clientFormsProjection } from './client-forms.projection';

const spec = projectionSpecification(clientFormsProjection);
const clientId = 'c1';
const formId = 'f1';
const created: SpecEvent = {
  type: 'ClientCreated',
  data: { clientId, name: 'Acme', groupId: null, attributes: {} },
};
const base = { clientId, formId, formTemplateId: 't1', formName: 'KYC', title: 'KYC 2026', message: null };
const scheduled: SpecEvent = {
  type: 'FormScheduled',
  data: { ...base, messages: {}, recipients: ['p1'], sendAt: '2027-01-05T08:00:00.000Z' },
};
const sent: SpecEvent = {
  type: 'FormSent',
  data: {
    ...base,
    contactIds: ['p1'],
    recipients: [{ contactId: 'p1', language: 'en', subject: 'KYC 2026', text: '', html: '' }],
  },
};
const link = { clientId, formId, contactId: 'p1' };
const derived = (events: SpecEvent[], last: SpecEvent) =>
  clientFormsProjection.derived!.derive(spec.given(events).when(last).documents()[0]);

describe('client-forms projection (and due_forms derived from it)', () => {
  it('a scheduled form is due at sendAt until it is sent', () => {
    expect(derived([created], scheduled)).toEqual([
      {
        collection: 'due_forms',
        doc: { _id: 'c1/f1', tenant: 'firm-a', clientId, formId, dueAt: '2027-01-05T08:00:00.000Z' },
      },
    ]);
    expect(derived([created, scheduled], sent)).toEqual([]);
    expect(derived([created, scheduled], { type: 'ClientDeleted', data: { clientId } })).toEqual([]);
  });

  it('follows a form from scheduled to answered, with its recipients and answers', () => {
    spec
      .given([created])
      .when(scheduled)
      .thenMatches([
        {
          forms: {
            f1: { status: 'scheduled', sendTo: 'list', recipients: [{ contactId: 'p1', language: null }] },
          },
        },
      ]);
    spec
      .given([created, scheduled])
      .when(sent)
      .thenMatches([
        {
          forms: {
            f1: { status: 'sent', sendAt: '2027-01-05T08:00:00.000Z', recipients: [{ language: 'en' }] },
          },
        },
      ]);
    spec
      .given([created, sent])
      .when({ type: 'FormOpened', data: link })
      .thenMatches([{ forms: { f1: { status: 'opened' } } }]);
    spec
      .given([created, sent, { type: 'FormOpened', data: link }])
      .when({ type: 'FormAnswered', data: { ...link, answers: { siren: '1' }, fileId: 'r' } })
      .thenMatches([
        {
          forms: { f1: { status: 'answered', answeredBy: 'p1', answers: { siren: '1' }, reportFileId: 'r' } },
        },
      ]);
  });
});
