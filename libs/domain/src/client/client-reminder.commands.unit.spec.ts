import type { ClientEvent, ReminderScheduled } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { NotFoundError, RuleViolationError, ValidationError } from '../shared/domain-errors';
import { acme, attached, clientId, deleted } from '../testing/client-sheet-fixtures';
import { clientDecider } from './client.decider';
import type { ScheduleReminder } from './client-reminder.commands';
import type { SendReminderOccurrence } from './client-reminder-sends';

const spec = deciderSpecification(clientDecider);
const reminderId = 'r1';
const calendar = { timeZone: 'Europe/Paris', sendHour: '09:00' };
const texts = {
  fr: { subject: 'Rappel {{client.name}}', body: 'Bonjour {{contact.firstName}}, avant le {{dueDate}}.' },
  en: { subject: 'Reminder {{client.name}}', body: 'Hello {{contact.firstName}}, by {{dueDate}}.' },
};
const weekly = {
  kind: 'every' as const,
  every: { unit: 'week' as const, count: 1 },
  startAt: '2027-03-22',
  until: null,
  maxOccurrences: 3,
};
const people = { p1: { firstName: 'Paul', lastName: 'Petit' }, p2: { firstName: 'Ann', lastName: 'Lee' } };
const english: ClientEvent = { type: 'ContactAttached', data: { clientId, contactId: 'p2', language: 'en' } };
const schedule: ScheduleReminder = {
  type: 'ScheduleReminder',
  clientId,
  reminderId,
  template: { templateId: 't1', name: 'Pièces' },
  texts,
  recipients: 'all',
  schedule: weekly,
  calendar,
  formId: null,
  now: '2027-03-01T10:00:00.000Z',
};
const scheduled = (overrides: Partial<ReminderScheduled['data']> = {}): ClientEvent => ({
  type: 'ReminderScheduled',
  data: {
    clientId,
    reminderId,
    templateId: 't1',
    templateName: 'Pièces',
    texts,
    recipients: 'all',
    schedule: weekly,
    calendar,
    formId: null,
    firstOfSchedule: 0,
    ...overrides,
  },
});
const send = (occurrence: number, now: string): SendReminderOccurrence => ({
  type: 'SendReminderOccurrence',
  clientId,
  reminderId,
  occurrence,
  now,
  people,
  firmName: 'Cabinet Dupont',
});
const skippedEvent = (occurrence: number, dueAt: string, skippedAt: string, reason: string) => ({
  type: 'ReminderOccurrenceSkipped',
  data: { clientId, reminderId, occurrence, dueAt, skippedAt, reason },
});
// Monday 22 March 2027 09:00 in Paris is still winter time (UTC+1); the 29th is summer time (UTC+2).
const DUE_0 = '2027-03-22T08:00:00.000Z';
const DUE_1 = '2027-03-29T07:00:00.000Z';

describe('Client reminder commands', () => {
  describe('ScheduleReminder', () => {
    it('records the reminder with its calendar, its first occurrence being the first after now', () => {
      spec.given([acme]).when(schedule).then([scheduled()]);
      spec
        .given([acme])
        .when({ ...schedule, now: '2027-03-25T10:00:00.000Z' })
        .then([scheduled({ firstOfSchedule: 1 })]);
    });

    it('the same scheduling again is a retry; another under the same id a conflict', () => {
      spec.given([acme, scheduled()]).when(schedule).then([]);
      spec
        .given([acme, scheduled()])
        .when({ ...schedule, recipients: ['p1'] })
        .thenThrows(RuleViolationError, 'REMINDER_ALREADY_EXISTS');
    });

    it('refuses recipients not attached, an `at` in the past, a relativeTo that is no date field, an unknown form', () => {
      const run = () =>
        clientDecider.decide(
          {
            ...schedule,
            recipients: ['p1', 'ghost'],
            schedule: {
              kind: 'relative',
              relativeTo: 'siren',
              offsetDays: -15,
              repeatEvery: null,
              maxOccurrences: null,
            },
            formId: 'f1',
          },
          [acme, attached('p1')].reduce(clientDecider.evolve, clientDecider.initialState()),
        );
      expect(run).toThrow(ValidationError);
      expect(() => run()).toThrow(/recipients\[1\].*schedule\.relativeTo.*formId/);
      spec
        .given([acme])
        .when({ ...schedule, schedule: { kind: 'at', at: '2027-03-01T09:00:00.000Z' } })
        .thenThrows(ValidationError);
    });

    it('404s on a deleted client', () =>
      spec.given([acme, deleted]).when(schedule).thenThrows(NotFoundError));
  });

  describe('SendReminderOccurrence', () => {
    const base = [acme, attached('p1'), english, scheduled()];

    it('renders each recipient in their language, at the occurrence due date', () =>
      spec
        .given(base)
        .when(send(0, '2027-03-22T08:00:30.000Z'))
        .then([
          {
            type: 'ReminderOccurrenceSent',
            data: {
              clientId,
              reminderId,
              kind: 'scheduled',
              occurrence: 0,
              dueAt: DUE_0,
              sentAt: '2027-03-22T08:00:30.000Z',
              late: false,
              recipients: [
                {
                  contactId: 'p1',
                  language: 'fr',
                  subject: 'Rappel Acme',
                  text: 'Bonjour Paul, avant le 22/03/2027.',
                  html: '<p>Bonjour Paul, avant le 22/03/2027.</p>',
                },
                {
                  contactId: 'p2',
                  language: 'en',
                  subject: 'Reminder Acme',
                  text: 'Hello Ann, by 22 March 2027.',
                  html: '<p>Hello Ann, by 22 March 2027.</p>',
                },
              ],
            },
          },
        ]));

    it('is idempotent: an occurrence already sent or skipped decides nothing', () => {
      const sent = clientDecider.decide(
        send(0, DUE_0),
        base.reduce(clientDecider.evolve, clientDecider.initialState()),
      );
      spec
        .given([...base, ...sent])
        .when(send(0, DUE_1))
        .then([]);
      spec
        .given([acme, scheduled(), skippedEvent(0, DUE_0, DUE_0, 'no_recipient') as ClientEvent])
        .when(send(0, DUE_1))
        .then([]);
    });

    it('refuses an occurrence not yet due, or not the next one', () => {
      spec
        .given(base)
        .when(send(0, '2027-03-22T07:59:59.000Z'))
        .thenThrows(RuleViolationError, 'REMINDER_OCCURRENCE_NOT_DUE');
      spec.given(base).when(send(1, DUE_1)).thenThrows(RuleViolationError, 'REMINDER_OCCURRENCE_NOT_PENDING');
    });

    it('marks late an occurrence sent more than 5 minutes after it fell due', () => {
      const [onTime] = clientDecider.decide(
        send(0, '2027-03-22T08:05:00.000Z'),
        base.reduce(clientDecider.evolve, clientDecider.initialState()),
      );
      const [late] = clientDecider.decide(
        send(0, '2027-03-22T08:05:00.001Z'),
        base.reduce(clientDecider.evolve, clientDecider.initialState()),
      );
      expect(onTime.data).toMatchObject({ late: false });
      expect(late.data).toMatchObject({ late: true });
    });

    it('keeps the send hour across the spring daylight-saving change (09:00 local both weeks)', () => {
      const sent = clientDecider.decide(
        send(0, DUE_0),
        base.reduce(clientDecider.evolve, clientDecider.initialState()),
      );
      const [next] = clientDecider.decide(
        send(1, DUE_1),
        [...base, ...sent].reduce(clientDecider.evolve, clientDecider.initialState()),
      );
      expect(next.data).toMatchObject({ occurrence: 1, dueAt: DUE_1 });
    });

    it.each([
      ['cancelled', [...base, { type: 'ReminderCancelled', data: { clientId, reminderId } }]],
      ['client_deleted', [...base, deleted]],
      ['no_recipient', [acme, scheduled()]],
      [
        'no_recipient',
        [
          acme,
          attached('p1'),
          scheduled({ recipients: ['p1'] }),
          { type: 'ContactDetached', data: { clientId, contactId: 'p1' } },
        ],
      ],
    ] as [string, ClientEvent[]][])('skips the occurrence with reason %s, never silently', (reason, given) =>
      spec
        .given(given)
        .when(send(0, DUE_0))
        .then([skippedEvent(0, DUE_0, DUE_0, reason) as ClientEvent]),
    );

    it('skips with form_answered once the form it chases is answered, then nothing falls due', () => {
      const form: ClientEvent = {
        type: 'FormSent',
        data: {
          ...{ clientId, formId: 'f1', formTemplateId: 'ft', formName: 'KYC', contactIds: ['p1'] },
          ...{ title: 'KYC', message: null, recipients: [] },
        },
      };
      const state = [...base.slice(0, 3), form, scheduled({ formId: 'f1' })].reduce(
        clientDecider.evolve,
        clientDecider.initialState(),
      );
      if (state.status !== 'active') throw new Error('active expected');
      // FormAnswered comes with the forms' answers: the state's flag is what it will set.
      const answered = { ...state, forms: { f1: { ...state.forms.f1, answered: true } } };
      const [skip] = clientDecider.decide(send(0, DUE_0), answered);
      expect(skip).toEqual(skippedEvent(0, DUE_0, DUE_0, 'form_answered'));
      const after = clientDecider.evolve(answered, skip);
      expect(() => clientDecider.decide(send(1, DUE_1), after)).toThrow(RuleViolationError);
    });
  });

  describe('a relative schedule', () => {
    it('follows its attribute when it changes: the due instant is computed when it falls due', () => {
      const relative = {
        kind: 'relative' as const,
        relativeTo: 'fiscalYearEnd',
        offsetDays: -15,
        repeatEvery: null,
        maxOccurrences: null,
      };
      const sheet: ClientEvent = {
        type: 'SheetTemplateLoaded',
        data: {
          clientId,
          templateId: 's',
          templateName: 'S',
          fields: [{ key: 'fiscalYearEnd', label: 'FYE', type: 'date', required: false }],
        },
      };
      const setEnd = (date: string): ClientEvent => ({
        type: 'ClientAttributesChanged',
        data: { clientId, set: { fiscalYearEnd: date }, removed: [] },
      });
      const given = [acme, attached('p1'), sheet, setEnd('2027-12-31')];
      spec
        .given(given)
        .when({ ...schedule, schedule: relative })
        .then([scheduled({ schedule: relative })]);
      const moved = [...given, scheduled({ schedule: relative }), setEnd('2028-06-30')];
      spec
        .given(moved)
        .when(send(0, '2027-12-16T08:00:00.000Z'))
        .thenThrows(RuleViolationError, 'REMINDER_OCCURRENCE_NOT_DUE');
      const [sent] = clientDecider.decide(
        send(0, '2028-06-15T07:00:00.000Z'),
        moved.reduce(clientDecider.evolve, clientDecider.initialState()),
      );
      expect(sent.data).toMatchObject({ occurrence: 0, dueAt: '2028-06-15T07:00:00.000Z' });
    });
  });

  describe('ChangeReminder', () => {
    const sent0 = (): ClientEvent[] =>
      clientDecider.decide(
        send(0, DUE_0),
        [acme, attached('p1'), scheduled()].reduce(clientDecider.evolve, clientDecider.initialState()),
      );

    it('changes only the occurrences not yet sent: numbering goes on from the next', () => {
      const daily = {
        ...weekly,
        every: { unit: 'day' as const, count: 1 },
        startAt: '2027-04-01',
        maxOccurrences: null,
      };
      const given = [acme, attached('p1'), scheduled(), ...sent0()];
      spec
        .given(given)
        .when({
          type: 'ChangeReminder',
          clientId,
          reminderId,
          schedule: daily,
          recipients: ['p1'],
          now: '2027-03-23T10:00:00.000Z',
        })
        .then([
          {
            type: 'ReminderRescheduled',
            data: {
              clientId,
              reminderId,
              fromOccurrence: 1,
              recipients: ['p1'],
              schedule: daily,
              firstOfSchedule: 0,
            },
          },
        ]);
      const changed = clientDecider.decide(
        { type: 'ChangeReminder', clientId, reminderId, schedule: daily, now: '2027-03-23T10:00:00.000Z' },
        given.reduce(clientDecider.evolve, clientDecider.initialState()),
      );
      const state = [...given, ...changed].reduce(clientDecider.evolve, clientDecider.initialState());
      const [next] = clientDecider.decide(send(1, '2027-04-01T07:00:00.000Z'), state);
      expect(next.data).toMatchObject({ occurrence: 1, dueAt: '2027-04-01T07:00:00.000Z' });
    });

    it('decides nothing when nothing changes; 404s for an unknown reminder; refuses a cancelled one', () => {
      spec
        .given([acme, scheduled()])
        .when({ type: 'ChangeReminder', clientId, reminderId, texts, now: DUE_0 })
        .then([]);
      spec
        .given([acme])
        .when({ type: 'ChangeReminder', clientId, reminderId: 'x', texts, now: DUE_0 })
        .thenThrows(NotFoundError);
      spec
        .given([acme, scheduled(), { type: 'ReminderCancelled', data: { clientId, reminderId } }])
        .when({ type: 'ChangeReminder', clientId, reminderId, recipients: ['p1'], now: DUE_0 })
        .thenThrows(RuleViolationError, 'REMINDER_ENDED');
    });
  });

  describe('CancelReminder and SendReminderNow', () => {
    it('cancels once', () => {
      const cancelled: ClientEvent = { type: 'ReminderCancelled', data: { clientId, reminderId } };
      spec
        .given([acme, scheduled()])
        .when({ type: 'CancelReminder', clientId, reminderId })
        .then([cancelled]);
      spec
        .given([acme, scheduled(), cancelled])
        .when({ type: 'CancelReminder', clientId, reminderId })
        .then([]);
    });

    it('sends an extra occurrence now, numbered apart from the schedule', () => {
      const now = '2027-03-10T15:00:00.000Z';
      const command = {
        type: 'SendReminderNow' as const,
        clientId,
        reminderId,
        now,
        people,
        firmName: 'Cabinet',
      };
      const [extra] = clientDecider.decide(
        command,
        [acme, attached('p1'), scheduled()].reduce(clientDecider.evolve, clientDecider.initialState()),
      );
      expect(extra.data).toMatchObject({ kind: 'now', occurrence: 0, dueAt: now, late: false });
      spec
        .given([acme, scheduled()])
        .when(command)
        .thenThrows(RuleViolationError, 'REMINDER_HAS_NO_RECIPIENT');
    });
  });
});
