import type { ClientReminder } from '@dossiers/domain';
import type { Attributes, Language, ReminderSkipReason } from '@dossiers/events';

export const CLIENT_REMINDERS_COLLECTION = 'client_reminders';
export const DUE_REMINDERS_COLLECTION = 'due_reminders';

/** One occurrence that went out or was skipped (delivery statuses come from the mail outbox). */
export interface ReminderOccurrenceEntry {
  /** 'scheduled': occurrence `occurrence` of the schedule; 'now': the `occurrence`-th sent by hand */
  kind: 'scheduled' | 'now';
  occurrence: number;
  dueAt: string;
  /** when it was sent or skipped */
  at: string;
  status: 'sent' | 'skipped';
  late: boolean;
  reason: ReminderSkipReason | null;
  /** to whom, in which language (the rendered texts stay in the event) */
  recipients: { contactId: string; language: Language }[];
}

/** A reminder of the "Rappels" tab. */
export interface ReminderView {
  /** the reminder as the client's state folds it: what the next occurrence is computed from */
  model: ClientReminder;
  /** `finished`: no occurrence left (or stopped: its form answered, or the client deleted) */
  status: 'active' | 'cancelled' | 'finished';
  next: { n: number; dueAt: string } | null;
  history: ReminderOccurrenceEntry[];
  scheduledBy: string;
  scheduledAt: string;
  updatedAt: string;
}

/** One per client: its reminders, and the attributes relative schedules follow. */
export interface ClientRemindersDoc {
  _id: string;
  tenant: string;
  clientId: string;
  attributes: Attributes;
  deleted: boolean;
  reminders: Record<string, ReminderView>;
  /** the client stream's revision at the last change to its reminders (or its attributes) */
  revision: number;
  [field: string]: unknown;
}

/**
 * One per active reminder with an occurrence to come, derived from ClientRemindersDoc: what the
 * schedulers poll, by `dueAt`. The occurrence's job id derives from (reminderId, occurrence).
 */
export interface DueReminderDoc {
  _id: string;
  tenant: string;
  clientId: string;
  reminderId: string;
  occurrence: number;
  dueAt: string;
  [field: string]: unknown;
}

export const dueReminderId = (clientId: string, reminderId: string) => `${clientId}/${reminderId}`;
