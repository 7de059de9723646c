import { Query } from '@nestjs/cqrs';
import type { ReminderOccurrenceEntry, ReminderView } from '@dossiers/read-models';
import type { Principal } from '@dossiers/platform';
import type { SheetTab } from '../visible-sheet';

/** A recipient's mail of an occurrence, as the outbox has it. */
export type ReminderMailStatus = {
  status: 'queued' | 'sent' | 'failed' | 'skipped';
  reason: string | null;
  sentAt: string | null;
};

/** An occurrence of the history, each recipient with the status of their mail. */
export type ReminderOccurrenceItem = Omit<ReminderOccurrenceEntry, 'recipients'> & {
  recipients: (ReminderOccurrenceEntry['recipients'][number] & { delivery: ReminderMailStatus })[];
};

/** A reminder as the "Rappels" tab shows it. */
export type ClientReminderItem = Pick<ReminderView['model'], 'reminderId' | 'templateId' | 'templateName'> &
  Pick<ReminderView['model'], 'texts' | 'recipients' | 'schedule' | 'calendar' | 'formId'> & {
    status: ReminderView['status'];
    nextOccurrence: { occurrence: number; dueAt: string } | null;
    history: ReminderOccurrenceItem[];
    scheduledBy: string;
    scheduledAt: string;
    updatedAt: string;
  };

/** GET /clients/:id/reminders: the sheet's "Rappels" tab. */
export class ListClientRemindersQuery extends Query<SheetTab<ClientReminderItem>> {
  constructor(
    readonly principal: Principal,
    readonly clientId: string,
  ) {
    super();
  }
}
