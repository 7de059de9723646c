import type {
  Attributes,
  ReminderCalendar,
  ReminderEvent,
  ReminderRecipients,
  ReminderSkipReason,
  ReminderTemplateTexts,
} from '@dossiers/events';
import { occurrenceDue } from './occurrences';
import type { ReminderSchedule } from './schedule';

/**
 * A reminder as the client's state (and the `client-reminders` read model) keeps it. Occurrence
 * numbers only grow: occurrence n is the schedule's occurrence `n - shift`, the schedule's first
 * `firstIndex` ones being before it was (re)scheduled (an `every` whose start is past).
 */
export interface ClientReminder {
  reminderId: string;
  templateId: string;
  templateName: string;
  texts: ReminderTemplateTexts;
  recipients: ReminderRecipients;
  schedule: ReminderSchedule;
  calendar: ReminderCalendar;
  formId: string | null;
  status: 'active' | 'cancelled';
  /** a skip that ends the reminder (cancelled, client deleted, form answered): nothing more falls due */
  stopped: ReminderSkipReason | null;
  shift: number;
  firstIndex: number;
  /** the last occurrence sent or skipped, -1 for none */
  lastHandled: number;
  /** extra occurrences sent by hand (send-now) */
  sentNow: number;
}

/** Skips after which no occurrence falls due any more. */
const ENDING: readonly ReminderSkipReason[] = ['cancelled', 'client_deleted', 'form_answered'];

/**
 * The occurrence waiting to go out: the first not yet handled, at its due instant computed now
 * from the client's attributes (a relative schedule follows its attribute). Null when the schedule
 * has no more, or the reminder ended. A cancelled reminder still has one (its job, already queued,
 * records the skip): the read models drop cancelled reminders from what falls due.
 */
export function pendingOccurrence(
  reminder: ClientReminder,
  attributes: Attributes,
): { n: number; dueAt: string } | null {
  if (reminder.stopped !== null) return null;
  const index = Math.max(reminder.lastHandled + 1 - reminder.shift, reminder.firstIndex);
  const dueAt = occurrenceDue(reminder.schedule, index, reminder.calendar, attributes);
  return dueAt === null ? null : { n: index + reminder.shift, dueAt };
}

/** A reminder after one of its events (the Client's evolve and the read model share it). */
export function evolveReminder(
  reminder: ClientReminder | undefined,
  event: ReminderEvent,
): ClientReminder | undefined {
  if (event.type === 'ReminderScheduled') {
    const { clientId: _, firstOfSchedule, ...data } = event.data;
    return {
      ...data,
      status: 'active',
      stopped: null,
      shift: -firstOfSchedule,
      firstIndex: firstOfSchedule,
      lastHandled: -1,
      sentNow: 0,
    };
  }
  if (!reminder) return reminder;
  switch (event.type) {
    case 'ReminderRescheduled': {
      const { texts, recipients, schedule, firstOfSchedule, fromOccurrence } = event.data;
      const moved =
        schedule && firstOfSchedule !== undefined
          ? { schedule, firstIndex: firstOfSchedule, shift: fromOccurrence - firstOfSchedule }
          : {};
      return {
        ...reminder,
        ...(texts ? { texts } : {}),
        ...(recipients ? { recipients } : {}),
        ...moved,
      };
    }
    case 'ReminderCancelled':
      return { ...reminder, status: 'cancelled' };
    case 'ReminderOccurrenceSent':
      return event.data.kind === 'now'
        ? { ...reminder, sentNow: reminder.sentNow + 1 }
        : { ...reminder, lastHandled: Math.max(reminder.lastHandled, event.data.occurrence) };
    case 'ReminderOccurrenceSkipped': {
      const { occurrence, reason } = event.data;
      return {
        ...reminder,
        lastHandled: Math.max(reminder.lastHandled, occurrence),
        stopped: ENDING.includes(reason) ? reason : reminder.stopped,
      };
    }
  }
}
