import { Transform } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/** Keeps a property as sent: the domain checks it whole and names each bad entry. */
export const Raw = (key: string) => Transform(({ obj }) => (obj as Record<string, unknown>)[key]);

export const SUBJECT_DOC = {
  description:
    'the subject per language ({"fr": "…"}), replacing the template\'s; placeholders as in reminder templates',
  example: { fr: 'Pièces manquantes pour {{client.name}}' },
};
export const BODY_DOC = {
  description:
    "the body per language, replacing the template's; a language the template lacks needs a subject and a body",
  example: { fr: 'Bonjour {{contact.firstName}},\n\nMerci de déposer vos relevés avant le {{dueDate}}.' },
};
export const RECIPIENTS_DOC = {
  description:
    "'all' (the contacts attached when an occurrence falls due) or a list of contact ids of the client",
  oneOf: [
    { type: 'string', enum: ['all'] },
    { type: 'array', items: { type: 'string', format: 'uuid' } },
  ],
};
export const SCHEDULE_DOC = {
  description:
    "exactly one of {at} (an instant), {every: {unit: day|week|month, count}, startAt, until?, maxOccurrences?} or {relativeTo: <date field of the sheet>, offsetDays, repeatEvery?, maxOccurrences?}; day-based schedules go out at the firm's send hour in its time zone, as they are when scheduled",
  example: { every: { unit: 'week', count: 1 }, startAt: '2027-03-22', maxOccurrences: 3 },
};

/** The body of POST /clients/:id/reminders. */
export class ScheduleReminderDto {
  @ApiProperty({ type: String, format: 'uuid', description: 'the reminder template' })
  @Allow()
  templateId!: unknown;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, ...SUBJECT_DOC })
  @Allow()
  @Raw('subject')
  subject?: unknown;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, ...BODY_DOC })
  @Allow()
  @Raw('body')
  body?: unknown;

  @ApiProperty(RECIPIENTS_DOC)
  @Allow()
  @Raw('recipients')
  recipients!: unknown;

  @ApiProperty({ type: 'object', additionalProperties: true, ...SCHEDULE_DOC })
  @Allow()
  @Raw('schedule')
  schedule!: unknown;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'a form sent to the client: the reminder stops once it is answered',
  })
  @Allow()
  formId?: unknown;
}
