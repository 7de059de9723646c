/**
 * Reminders of a client: events of the Client aggregate (stream `client-<clientId>`, part of
 * ClientEvent), so the decision to send an occurrence sees every stop condition in one state.
 */

import type { ReminderTemplateTexts } from './template.events';
import type { Language } from './values';

export type ReminderFrequency = { unit: 'day' | 'week' | 'month'; count: number };

/** A checked schedule (the domain's ReminderSchedule). */
export type ReminderScheduleData =
  | { kind: 'at'; at: string }
  | {
      kind: 'every';
      every: ReminderFrequency;
      startAt: string;
      until: string | null;
      maxOccurrences: number | null;
    }
  | {
      kind: 'relative';
      relativeTo: string;
      offsetDays: number;
      repeatEvery: ReminderFrequency | null;
      maxOccurrences: number | null;
    };

/** 'all': the contacts attached when an occurrence falls due; otherwise those of the list still attached. */
export type ReminderRecipients = 'all' | string[];

/** The firm's calendar when the reminder was scheduled: a later change of the firm's settings does not move it. */
export type ReminderCalendar = { timeZone: string; sendHour: string };

export type ReminderScheduled = {
  type: 'ReminderScheduled';
  data: {
    clientId: string;
    reminderId: string;
    templateId: string;
    templateName: string;
    /** the template's texts with the firm's customisation, copied: a later template change does not alter them */
    texts: ReminderTemplateTexts;
    recipients: ReminderRecipients;
    schedule: ReminderScheduleData;
    calendar: ReminderCalendar;
    /** the form it chases (it stops once answered), or null */
    formId: string | null;
    /** the schedule's first occurrence due after scheduling (an `every` may start in the past): occurrence 0 */
    firstOfSchedule: number;
  };
};

/**
 * Occurrences from `fromOccurrence` on follow the new values (the fields absent did not change);
 * those before it were already sent or skipped. With a new schedule, occurrence `fromOccurrence`
 * is the new schedule's occurrence `firstOfSchedule` (its first one due after the change).
 */
export type ReminderRescheduled = {
  type: 'ReminderRescheduled';
  data: {
    clientId: string;
    reminderId: string;
    fromOccurrence: number;
    texts?: ReminderTemplateTexts;
    recipients?: ReminderRecipients;
    schedule?: ReminderScheduleData;
    firstOfSchedule?: number;
  };
};

export type ReminderCancelled = { type: 'ReminderCancelled'; data: { clientId: string; reminderId: string } };

/** One recipient's copy, rendered: what was sent, exactly (the mail reactor mails it as is). */
export type ReminderDelivery = {
  contactId: string;
  language: Language;
  subject: string;
  text: string;
  html: string;
};

/**
 * `kind` 'scheduled': occurrence `occurrence` of the schedule; 'now': the `occurrence`-th extra one
 * sent by hand (numbered apart). `late`: sent more than 5 minutes after `dueAt`.
 */
export type ReminderOccurrenceSent = {
  type: 'ReminderOccurrenceSent';
  data: {
    clientId: string;
    reminderId: string;
    kind: 'scheduled' | 'now';
    occurrence: number;
    dueAt: string;
    sentAt: string;
    late: boolean;
    recipients: ReminderDelivery[];
  };
};

export const REMINDER_SKIP_REASONS = [
  'cancelled',
  'client_deleted',
  'no_recipient',
  'form_answered',
  'rescheduled',
] as const;
export type ReminderSkipReason = (typeof REMINDER_SKIP_REASONS)[number];

/** An occurrence that fell due and was not sent, with why: never silently dropped. */
export type ReminderOccurrenceSkipped = {
  type: 'ReminderOccurrenceSkipped';
  data: {
    clientId: string;
    reminderId: string;
    occurrence: number;
    dueAt: string;
    skippedAt: string;
    reason: ReminderSkipReason;
  };
};

export type ReminderEvent =
  | ReminderScheduled
  | ReminderRescheduled
  | ReminderCancelled
  | ReminderOccurrenceSent
  | ReminderOccurrenceSkipped;
