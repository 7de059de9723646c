import type {
  ClientEvent,
  ReminderCalendar,
  ReminderRecipients,
  ReminderTemplateTexts,
} from '@dossiers/events';
import { RuleViolationError, ValidationError, type FieldError } from '../shared/domain-errors';
import { sameJson } from '../templates/field-values';
import { nextOccurrence } from '../reminders/occurrences';
import type { ReminderSchedule } from '../reminders/schedule';
import { activeOrNotFound, type ActiveClient, type ClientState } from './client.state';
import {
  activeReminder,
  reminderOrNotFound,
  sendReminderNow,
  sendReminderOccurrence,
  type SendReminderNow,
  type SendReminderOccurrence,
} from './client-reminder-sends';

/** Inputs arrive checked (checkSchedule, checkReminderTexts on the template's texts as customised). */
export type ScheduleReminder = {
  type: 'ScheduleReminder';
  clientId: string;
  reminderId: string;
  template: { templateId: string; name: string };
  texts: ReminderTemplateTexts;
  recipients: ReminderRecipients;
  schedule: ReminderSchedule;
  calendar: ReminderCalendar;
  formId: string | null;
  now: string;
};
/** Only the fields given change, and only for occurrences not yet sent or skipped. */
export type ChangeReminder = {
  type: 'ChangeReminder';
  clientId: string;
  reminderId: string;
  texts?: ReminderTemplateTexts;
  recipients?: ReminderRecipients;
  schedule?: ReminderSchedule;
  now: string;
};
export type CancelReminder = { type: 'CancelReminder'; clientId: string; reminderId: string };
export type ReminderCommand =
  ScheduleReminder | ChangeReminder | CancelReminder | SendReminderNow | SendReminderOccurrence;

/** What the state must agree with: recipients attached, `at` ahead, a date field to follow, a form of the client. */
function stateProblems(
  client: ActiveClient,
  { recipients, schedule, formId, now }: Partial<Omit<ScheduleReminder, 'type'>>,
): FieldError[] {
  const errors: FieldError[] = [];
  if (Array.isArray(recipients))
    recipients.forEach((id, i) => {
      if (!(id in client.contacts))
        errors.push({ field: `recipients[${i}]`, message: 'is not a contact of this client' });
    });
  if (schedule?.kind === 'at' && now !== undefined && Date.parse(schedule.at) <= Date.parse(now))
    errors.push({ field: 'schedule.at', message: 'must be in the future' });
  if (
    schedule?.kind === 'relative' &&
    !client.fields.some((field) => field.key === schedule.relativeTo && field.type === 'date')
  )
    errors.push({ field: 'schedule.relativeTo', message: 'is not a date field of the client sheet' });
  if (formId && !client.forms[formId]) errors.push({ field: 'formId', message: 'no form of this client' });
  return errors;
}

function assertFits(client: ActiveClient, inputs: Parameters<typeof stateProblems>[1]): void {
  const errors = stateProblems(client, inputs);
  if (errors.length > 0) throw new ValidationError(errors);
}

/** The schedule's first occurrence due after `now` (0 when none is known yet: a relative one without its date). */
const firstOf = (schedule: ReminderSchedule, calendar: ReminderCalendar, client: ActiveClient, now: string) =>
  nextOccurrence(schedule, 0, calendar, client.attributes, now)?.n ?? 0;

function scheduleReminder(command: ScheduleReminder, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  const { clientId, reminderId, template, texts, recipients, schedule, calendar, formId } = command;
  const data = { clientId, reminderId, templateId: template.templateId, templateName: template.name };
  const existing = client.reminders[reminderId];
  if (existing) {
    // The same scheduling again is a retry (same Idempotency-Key, same id).
    const { texts: t, recipients: r, schedule: s, formId: f } = existing;
    if (
      sameJson({ texts, recipients, schedule, formId }, { texts: t, recipients: r, schedule: s, formId: f })
    )
      return [];
    throw new RuleViolationError('REMINDER_ALREADY_EXISTS', `Reminder ${reminderId} already exists`);
  }
  assertFits(client, command);
  const firstOfSchedule = firstOf(schedule, calendar, client, command.now);
  return [
    {
      type: 'ReminderScheduled',
      data: { ...data, texts, recipients, schedule, calendar, formId, firstOfSchedule },
    },
  ];
}

function changeReminder(command: ChangeReminder, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  const reminder = activeReminder(client, command.reminderId);
  const { clientId, reminderId, now } = command;
  const changes = (['texts', 'recipients', 'schedule'] as const).filter(
    (key) => command[key] !== undefined && !sameJson(command[key], reminder[key]),
  );
  if (changes.length === 0) return [];
  const { texts, recipients, schedule } = command;
  assertFits(client, {
    recipients: changes.includes('recipients') ? recipients : undefined,
    schedule: changes.includes('schedule') ? schedule : undefined,
    now,
  });
  return [
    {
      type: 'ReminderRescheduled',
      data: {
        clientId,
        reminderId,
        fromOccurrence: reminder.lastHandled + 1,
        ...(changes.includes('texts') ? { texts } : {}),
        ...(changes.includes('recipients') ? { recipients } : {}),
        ...(changes.includes('schedule') && schedule
          ? { schedule, firstOfSchedule: firstOf(schedule, reminder.calendar, client, now) }
          : {}),
      },
    },
  ];
}

function cancelReminder(command: CancelReminder, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  const reminder = reminderOrNotFound(client.reminders, command.reminderId);
  if (reminder.status === 'cancelled') return [];
  return [
    { type: 'ReminderCancelled', data: { clientId: command.clientId, reminderId: command.reminderId } },
  ];
}

export function decideReminder(command: ReminderCommand, state: ClientState): ClientEvent[] {
  switch (command.type) {
    case 'ScheduleReminder':
      return scheduleReminder(command, state);
    case 'ChangeReminder':
      return changeReminder(command, state);
    case 'CancelReminder':
      return cancelReminder(command, state);
    case 'SendReminderNow':
      return sendReminderNow(command, state);
    case 'SendReminderOccurrence':
      return sendReminderOccurrence(command, state);
  }
}
