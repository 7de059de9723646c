import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGES, REMINDER_SKIP_REASONS } from '@dossiers/events';
import { ReminderTextsItem } from './template.responses';

export class ReminderFrequencyItem {
  @ApiProperty({ enum: ['day', 'week', 'month'] })
  unit!: string;
  @ApiProperty({ type: 'integer', minimum: 1 })
  count!: number;
}

/** The schedule as checked: `kind` says which of the three forms it is, and which fields it has. */
export class ReminderScheduleItem {
  @ApiProperty({ enum: ['at', 'every', 'relative'] })
  kind!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'at: the instant' })
  at?: string;
  @ApiPropertyOptional({ type: ReminderFrequencyItem, description: 'every' })
  every?: ReminderFrequencyItem;
  @ApiPropertyOptional({ description: 'every: a date YYYY-MM-DD or an instant' })
  startAt?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'every: the last date or instant' })
  until?: string | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'every, relative' })
  maxOccurrences?: number | null;
  @ApiPropertyOptional({ description: 'relative: the date field of the sheet it follows' })
  relativeTo?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'relative: days after (negative: before) the date' })
  offsetDays?: number;
  @ApiPropertyOptional({ type: ReminderFrequencyItem, nullable: true, description: 'relative' })
  repeatEvery?: ReminderFrequencyItem | null;
}

export class ReminderCalendarItem {
  @ApiProperty({ example: 'Europe/Paris' })
  timeZone!: string;
  @ApiProperty({ example: '09:00' })
  sendHour!: string;
}

export class ReminderNextOccurrence {
  @ApiProperty({ type: 'integer' })
  occurrence!: number;
  @ApiProperty({ format: 'date-time', description: 'computed from the sheet as it is now' })
  dueAt!: string;
}

export class ReminderMailStatusItem {
  @ApiProperty({
    enum: ['queued', 'sent', 'failed', 'skipped'],
    description: 'queued: in the outbox, not sent yet (or being retried); failed: can never be sent',
  })
  status!: string;
  @ApiProperty({ type: String, nullable: true, description: 'why it failed or was skipped' })
  reason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt!: string | null;
}

export class ReminderRecipientItem {
  @ApiProperty({ format: 'uuid' })
  contactId!: string;
  @ApiProperty({ enum: LANGUAGES, description: 'the language it was sent in' })
  language!: string;
  @ApiProperty({ type: ReminderMailStatusItem, description: "the mail's delivery, from the outbox" })
  delivery!: ReminderMailStatusItem;
}

export class ReminderOccurrenceItem {
  @ApiProperty({ enum: ['scheduled', 'now'], description: "'now': sent by hand, numbered apart" })
  kind!: string;
  @ApiProperty({ type: 'integer' })
  occurrence!: number;
  @ApiProperty({ format: 'date-time' })
  dueAt!: string;
  @ApiProperty({ format: 'date-time', description: 'when it was sent or skipped' })
  at!: string;
  @ApiProperty({ enum: ['sent', 'skipped'] })
  status!: string;
  @ApiProperty({ description: 'sent more than 5 minutes after it fell due' })
  late!: boolean;
  @ApiProperty({
    type: String,
    enum: [...REMINDER_SKIP_REASONS],
    nullable: true,
    description: 'why it was skipped',
  })
  reason!: string | null;
  @ApiProperty({ type: [ReminderRecipientItem] })
  recipients!: ReminderRecipientItem[];
}

export class ClientReminderItem {
  @ApiProperty({ format: 'uuid' })
  reminderId!: string;
  @ApiProperty({ format: 'uuid' })
  templateId!: string;
  @ApiProperty()
  templateName!: string;
  @ApiProperty({
    type: ReminderTextsItem,
    description: "the template's texts as customised, copied when scheduled",
  })
  texts!: ReminderTextsItem;
  @ApiProperty({
    oneOf: [
      { type: 'string', enum: ['all'] },
      { type: 'array', items: { type: 'string', format: 'uuid' } },
    ],
  })
  recipients!: 'all' | string[];
  @ApiProperty({ type: ReminderScheduleItem })
  schedule!: ReminderScheduleItem;
  @ApiProperty({
    type: ReminderCalendarItem,
    description: "the firm's calendar when scheduled: a later change of the settings does not move it",
  })
  calendar!: ReminderCalendarItem;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the form it chases' })
  formId!: string | null;
  @ApiProperty({ enum: ['active', 'cancelled', 'finished'] })
  status!: string;
  @ApiProperty({ type: ReminderNextOccurrence, nullable: true })
  nextOccurrence!: ReminderNextOccurrence | null;
  @ApiProperty({ type: [ReminderOccurrenceItem], description: 'oldest first' })
  history!: ReminderOccurrenceItem[];
  @ApiProperty()
  scheduledBy!: string;
  @ApiProperty({ format: 'date-time' })
  scheduledAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class ClientRemindersTab {
  @ApiProperty({ type: [ClientReminderItem], description: 'newest scheduled first' })
  items!: ClientReminderItem[];
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: "staff: the client stream's revision at the last change to its reminders; null for members",
  })
  revision!: number | null;
}
