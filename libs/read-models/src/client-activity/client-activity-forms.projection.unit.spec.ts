import { REMINDER_SKIP_REASONS, type ReminderSkipReason } from '@dossiers/events';
import { projectionSpecification, type SpecEvent } from '../testing/projection-specification';
import {
  CLIENT,
  clientCreated,
  formSent,
  loggedEntries,
  on,
  reminderScheduled,
  reminderSent,
} from './testing/activity.fixtures';
import type { LoggedActivity } from './activity-log';
import { activitySummary } from './activity-summary';
import { clientActivityProjection } from './client-activity.projection';

const spec = projectionSpecification(clientActivityProjection);
const clientId = CLIENT;

const entriesAfter = (history: SpecEvent[], events: SpecEvent[]): LoggedActivity[] =>
  loggedEntries([...history, ...events]);

describe('client-activity projection: forms and reminders', () => {
  it('records a form scheduled, with its one contact as subject, and keeps its name for what follows', () => {
    const scheduled = (recipients: 'all' | string[]) =>
      on({
        type: 'FormScheduled',
        data: {
          ...{ clientId, formId: 'fo1', formTemplateId: 'ft1', formName: 'Bilan 2025', title: 'Bilan' },
          ...{ message: null, messages: {}, recipients, sendAt: '2026-03-01T08:00:00.000Z' },
        },
      });
    const entries = entriesAfter([clientCreated()], [scheduled(['p1']), scheduled('all')]);
    const details = { formId: 'fo1', formName: 'Bilan 2025', sendAt: '2026-03-01T08:00:00.000Z' };
    expect(entries.slice(1).map((e) => [e.type, e.subjectId, e.details])).toEqual([
      ['form.scheduled', 'p1', details],
      ['form.scheduled', null, details],
    ]);
    const [doc] = spec.given([clientCreated()]).when(scheduled('all')).documents();
    expect(doc.forms).toEqual({ fo1: 'Bilan 2025' });
  });

  it("records a form opened and answered by its contact, named as the client's forms knew it, without the answers", () => {
    const link = { clientId, formId: 'fo1', contactId: 'p1' };
    const answered = on({
      type: 'FormAnswered',
      data: { ...link, answers: { revenue: 'secret-answer' }, fileId: 'file-report' },
    });
    const opened = on({ type: 'FormOpened', data: link });
    const draft = on({ type: 'FormDraftSaved', data: { ...link, answers: { revenue: 'x' } } });
    const entries = entriesAfter([clientCreated(), formSent(['p1'])], [opened, answered]);
    expect(entries.slice(2).map((e) => [e.type, e.subjectId, e.fileId, e.details])).toEqual([
      ['form.opened', 'p1', null, { formId: 'fo1', formName: 'Bilan 2025' }],
      ['form.answered', 'p1', null, { formId: 'fo1', formName: 'Bilan 2025', fileId: 'file-report' }],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/secret-answer|revenue/);
    // A form it never saw sent: no name; a draft saved is no activity (no document change either).
    expect(entriesAfter([clientCreated()], [opened])[1].details).toEqual({ formId: 'fo1', formName: null });
    expect(clientActivityProjection.canHandle).not.toContain(draft.type);
  });

  it('records a reminder scheduled, changed and cancelled, named by its template, with its one recipient as subject', () => {
    const reminder = { clientId, reminderId: 'r1' };
    const entries = entriesAfter(
      [clientCreated()],
      [
        reminderScheduled(['p1']),
        reminderScheduled('all'),
        on({ type: 'ReminderRescheduled', data: { ...reminder, fromOccurrence: 1, recipients: ['p2'] } }),
        on({ type: 'ReminderCancelled', data: reminder }),
        on({ type: 'ReminderCancelled', data: { clientId, reminderId: 'r-unknown' } }),
      ],
    );
    const named = { reminderId: 'r1', templateName: 'Relance TVA' };
    expect(entries.slice(1).map((e) => [e.type, e.subjectId, e.details])).toEqual([
      ['reminder.scheduled', 'p1', named],
      ['reminder.scheduled', null, named],
      ['reminder.changed', null, named],
      ['reminder.cancelled', null, named],
      ['reminder.cancelled', null, { reminderId: 'r-unknown', templateName: null }],
    ]);
    // The reminder's texts do not reach the log.
    expect(JSON.stringify(entries)).not.toMatch(/Bonjour/);
  });

  it('records an occurrence sent, late or not, with its one recipient as subject, and one skipped with why', () => {
    const skipped = on({
      type: 'ReminderOccurrenceSkipped',
      data: {
        ...{ clientId, reminderId: 'r1', occurrence: 2, reason: 'no_recipient' as const },
        ...{ dueAt: '2026-03-03T08:00:00.000Z', skippedAt: '2026-03-03T08:00:00.000Z' },
      },
    });
    const entries = entriesAfter(
      [clientCreated(), reminderScheduled('all')],
      [reminderSent(['p1'], true), reminderSent(['p1', 'p2'], false, 'now'), skipped],
    );
    const named = { reminderId: 'r1', templateName: 'Relance TVA' };
    expect(entries.slice(2).map((e) => [e.type, e.subjectId, e.details])).toEqual([
      ['reminder.sent', 'p1', { ...named, occurrence: 0, late: true, kind: 'scheduled', recipientCount: 1 }],
      ['reminder.sent', null, { ...named, occurrence: 0, late: false, kind: 'now', recipientCount: 2 }],
      ['reminder.skipped', null, { ...named, occurrence: 2, reason: 'no_recipient' }],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/Bonjour/);
  });

  it('says a reminder sent off schedule to several contacts, and each reason an occurrence was skipped', () => {
    const skip = (reason: ReminderSkipReason) =>
      on({
        type: 'ReminderOccurrenceSkipped',
        data: { ...{ clientId, reminderId: 'r1', occurrence: 1, reason }, dueAt: 'd', skippedAt: 's' },
      });
    const [, , sent, skipped] = loggedEntries([
      clientCreated(),
      reminderScheduled('all'),
      reminderSent(['p1', 'p2'], true, 'now'),
      skip('no_recipient'),
    ]);
    expect(activitySummary(sent, null)).toEqual({
      fr: 'Envoi du rappel Relance TVA à 2 contacts (hors calendrier, en retard)',
      en: 'Sending of the reminder Relance TVA to 2 contacts (off schedule, late)',
    });
    const because = (reason: string) =>
      activitySummary({ ...skipped, details: { ...skipped.details, reason } }, null).en;
    expect(REMINDER_SKIP_REASONS.map(because)).toEqual([
      'Reminder Relance TVA not sent (reminder cancelled)',
      'Reminder Relance TVA not sent (client deleted)',
      'Reminder Relance TVA not sent (no recipient)',
      'Reminder Relance TVA not sent (form answered)',
      'Reminder Relance TVA not sent (reminder changed)',
    ]);
  });
});
