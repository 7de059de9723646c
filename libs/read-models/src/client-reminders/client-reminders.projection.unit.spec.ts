import type { ReminderScheduleData } from '@dossiers/events';
import { projectionSpecification, type SpecEvent } from '../testing/projection-specification';
import { clientRemindersProjection } from './client-reminders.projection';
import type { ClientRemindersDoc } from './client-reminders.document';

const spec = projectionSpecification(clientRemindersProjection);
const clientId = 'c1';
const reminderId = 'r1';
const created: SpecEvent = {
  type: 'ClientCreated',
  data: { clientId, name: 'Acme', groupId: null, attributes: { fiscalYearEnd: '2027-12-31' } },
};
const weekly: ReminderScheduleData = {
  kind: 'every',
  every: { unit: 'week', count: 1 },
  startAt: '2027-03-22',
  until: null,
  maxOccurrences: 2,
};
const relative: ReminderScheduleData = {
  kind: 'relative',
  relativeTo: 'fiscalYearEnd',
  offsetDays: -15,
  repeatEvery: null,
  maxOccurrences: null,
};
const scheduled = (schedule: ReminderScheduleData): SpecEvent => ({
  type: 'ReminderScheduled',
  data: {
    clientId,
    reminderId,
    templateId: 't1',
    templateName: 'Pièces',
    texts: { fr: { subject: 'S', body: 'B' } },
    recipients: 'all',
    schedule,
    calendar: { timeZone: 'Europe/Paris', sendHour: '09:00' },
    formId: null,
    firstOfSchedule: 0,
  },
});
const sent = (occurrence: number, dueAt: string, sentAt: string): SpecEvent => ({
  type: 'ReminderOccurrenceSent',
  data: {
    clientId,
    reminderId,
    kind: 'scheduled',
    occurrence,
    dueAt,
    sentAt,
    late: false,
    recipients: [{ contactId: 'p1', language: 'fr', subject: 'S', text: 'B', html: '<p>B</p>' }],
  },
});
const reminderOf = (docs: ClientRemindersDoc[]) => docs[0].reminders[reminderId];
const dueOf = (docs: ClientRemindersDoc[]) => clientRemindersProjection.derived!.derive(docs[0]);

describe('client-reminders projection (and due_reminders derived from it)', () => {
  it('shows the next occurrence, then the history, until the schedule is done', () => {
    const after0 = spec.given([created, scheduled(weekly)]).when(sent(0, 'x', '2027-03-22T08:00:01.000Z'));
    expect(reminderOf(after0.documents())).toMatchObject({
      status: 'active',
      next: { n: 1, dueAt: '2027-03-29T07:00:00.000Z' },
      history: [
        {
          kind: 'scheduled',
          occurrence: 0,
          status: 'sent',
          recipients: [{ contactId: 'p1', language: 'fr' }],
        },
      ],
    });
    expect(dueOf(after0.documents())).toEqual([
      {
        collection: 'due_reminders',
        doc: {
          _id: 'c1/r1',
          tenant: 'firm-a',
          clientId,
          reminderId,
          occurrence: 1,
          dueAt: '2027-03-29T07:00:00.000Z',
        },
      },
    ]);
    const done = spec
      .given([created, scheduled(weekly), sent(0, 'x', 'y')])
      .when(sent(1, 'x', 'y'))
      .documents();
    expect(reminderOf(done)).toMatchObject({ status: 'finished', next: null });
    expect(dueOf(done)).toEqual([]);
  });

  it('recomputes a relative occurrence when its attribute changes', () =>
    spec
      .given([created, scheduled(relative)])
      .when({
        type: 'ClientAttributesChanged',
        data: { clientId, set: { fiscalYearEnd: '2028-06-30' }, removed: [] },
      })
      .thenMatches([
        { reminders: { r1: { status: 'active', next: { n: 0, dueAt: '2028-06-15T07:00:00.000Z' } } } },
      ]));

  it('a relative reminder whose date is removed waits for it, nothing due', () => {
    const docs = spec
      .given([created, scheduled(relative)])
      .when({ type: 'ClientAttributesChanged', data: { clientId, set: {}, removed: ['fiscalYearEnd'] } })
      .documents();
    expect(reminderOf(docs)).toMatchObject({ status: 'active', next: null });
    expect(dueOf(docs)).toEqual([]);
  });

  it('a cancelled reminder, a skip ending it, a deleted client: nothing falls due', () => {
    const cancelled = spec
      .given([created, scheduled(weekly)])
      .when({ type: 'ReminderCancelled', data: { clientId, reminderId } })
      .documents();
    expect(reminderOf(cancelled)).toMatchObject({ status: 'cancelled', next: null });
    const answered = spec
      .given([created, scheduled(weekly)])
      .when({
        type: 'ReminderOccurrenceSkipped',
        data: { clientId, reminderId, occurrence: 0, dueAt: 'd', skippedAt: 's', reason: 'form_answered' },
      })
      .documents();
    expect(reminderOf(answered)).toMatchObject({
      status: 'finished',
      history: [{ status: 'skipped', reason: 'form_answered', at: 's' }],
    });
    const deleted = spec
      .given([created, scheduled(weekly)])
      .when({ type: 'ClientDeleted', data: { clientId } });
    expect(reminderOf(deleted.documents())).toMatchObject({ status: 'finished', next: null });
    expect(dueOf(deleted.documents())).toEqual([]);
  });

  it('a rescheduling keeps the history and moves the next occurrence', () =>
    spec
      .given([created, scheduled(weekly), sent(0, 'x', 'y')])
      .when({
        type: 'ReminderRescheduled',
        data: {
          clientId,
          reminderId,
          fromOccurrence: 1,
          schedule: { kind: 'at', at: '2027-05-01T10:00:00.000Z' },
          firstOfSchedule: 0,
        },
      })
      .thenMatches([
        {
          reminders: {
            r1: {
              status: 'active',
              next: { n: 1, dueAt: '2027-05-01T10:00:00.000Z' },
              history: [{ occurrence: 0 }],
            },
          },
        },
      ]));
});
