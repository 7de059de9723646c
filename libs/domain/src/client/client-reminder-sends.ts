import type { ClientEvent, ReminderSkipReason } from '@dossiers/events';
import { NotFoundError, RuleViolationError } from '../shared/domain-errors';
import { pendingOccurrence, type ClientReminder } from '../reminders/client-reminder';
import {
  reminderRecipients,
  renderDeliveries,
  type ReminderRenderInputs,
} from '../reminders/reminder-deliveries';
import { activeOrNotFound, type ActiveClient, type ClientState } from './client.state';

/** Sending a client's reminders: an extra occurrence by hand, or the one falling due (the scheduler's). */

/** An extra occurrence now, besides the schedule. */
export type SendReminderNow = {
  type: 'SendReminderNow';
  clientId: string;
  reminderId: string;
  now: string;
} & ReminderRenderInputs;
/** What the scheduler runs when occurrence `occurrence` falls due; running it twice decides once. */
export type SendReminderOccurrence = {
  type: 'SendReminderOccurrence';
  clientId: string;
  reminderId: string;
  occurrence: number;
  now: string;
} & ReminderRenderInputs;

/** Sent later than this after its due instant, an occurrence is marked late. */
export const LATE_AFTER_MS = 5 * 60_000;

export function reminderOrNotFound(
  reminders: Record<string, ClientReminder> | undefined,
  reminderId: string,
) {
  const reminder = reminders?.[reminderId];
  if (!reminder) throw new NotFoundError('reminder', reminderId);
  return reminder;
}

/** A reminder that may still change or go out: 422 once cancelled or ended. */
export function activeReminder(client: ActiveClient, reminderId: string): ClientReminder {
  const reminder = reminderOrNotFound(client.reminders, reminderId);
  if (reminder.status === 'cancelled' || reminder.stopped !== null)
    throw new RuleViolationError('REMINDER_ENDED', `Reminder ${reminderId} is cancelled or ended`);
  return reminder;
}

export function sendReminderNow(command: SendReminderNow, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  const reminder = activeReminder(client, command.reminderId);
  const contactIds = reminderRecipients(reminder, client, command.people);
  if (contactIds.length === 0)
    throw new RuleViolationError('REMINDER_HAS_NO_RECIPIENT', 'None of the reminder recipients is attached');
  const { clientId, reminderId, now } = command;
  const recipients = renderDeliveries(reminder, client, contactIds, now, command);
  const data = { clientId, reminderId, occurrence: reminder.sentNow, dueAt: now, sentAt: now, late: false };
  return [{ type: 'ReminderOccurrenceSent', data: { ...data, kind: 'now', recipients } }];
}

/** Why an occurrence due now is not sent, or null: checked in the same state the send decides on. */
export function stopReason(
  state: ClientState,
  reminder: ClientReminder,
  contactIds: string[],
): ReminderSkipReason | null {
  if (state.status !== 'active') return 'client_deleted';
  if (reminder.status === 'cancelled') return 'cancelled';
  if (reminder.formId !== null && state.forms[reminder.formId]?.answered) return 'form_answered';
  return contactIds.length === 0 ? 'no_recipient' : null;
}

const skipped = (
  { clientId, reminderId, occurrence, now }: SendReminderOccurrence,
  dueAt: string,
  reason: ReminderSkipReason,
): ClientEvent => ({
  type: 'ReminderOccurrenceSkipped',
  data: { clientId, reminderId, occurrence, dueAt, skippedAt: now, reason },
});

/**
 * The client is gone, and its attributes with it: the occurrence a queued job still runs for is
 * skipped once, at its due time when the schedule alone gives it (else now); then the reminder ended.
 */
function skipOnDeletedClient(command: SendReminderOccurrence, reminder: ClientReminder): ClientEvent[] {
  if (reminder.stopped !== null) return [];
  return [skipped(command, pendingOccurrence(reminder, {})?.dueAt ?? command.now, 'client_deleted')];
}

export function sendReminderOccurrence(command: SendReminderOccurrence, state: ClientState): ClientEvent[] {
  const { clientId, reminderId, occurrence, now } = command;
  if (state.status === 'absent') throw new NotFoundError('client', clientId);
  const reminder = reminderOrNotFound(state.reminders, reminderId);
  if (occurrence <= reminder.lastHandled) return [];
  if (state.status !== 'active') return skipOnDeletedClient(command, reminder);
  const pending = pendingOccurrence(reminder, state.attributes);
  if (pending?.n !== occurrence)
    throw new RuleViolationError(
      'REMINDER_OCCURRENCE_NOT_PENDING',
      `Occurrence ${occurrence} of reminder ${reminderId} is not the next one (rescheduled or ended)`,
    );
  const { dueAt } = pending;
  if (Date.parse(now) < Date.parse(dueAt))
    throw new RuleViolationError(
      'REMINDER_OCCURRENCE_NOT_DUE',
      `Occurrence ${occurrence} is due at ${dueAt}`,
    );
  const contactIds = reminderRecipients(reminder, state, command.people);
  const reason = stopReason(state, reminder, contactIds);
  if (reason !== null) return [skipped(command, dueAt, reason)];
  const recipients = renderDeliveries(reminder, state, contactIds, dueAt, command);
  const late = Date.parse(now) - Date.parse(dueAt) > LATE_AFTER_MS;
  return [
    {
      type: 'ReminderOccurrenceSent',
      data: { clientId, reminderId, kind: 'scheduled', occurrence, dueAt, sentAt: now, late, recipients },
    },
  ];
}
