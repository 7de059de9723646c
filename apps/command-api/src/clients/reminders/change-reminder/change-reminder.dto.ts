import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import {
  BODY_DOC,
  Raw,
  RECIPIENTS_DOC,
  SCHEDULE_DOC,
  SUBJECT_DOC,
} from '../schedule-reminder/schedule-reminder.dto';

/** The body of PATCH /clients/:id/reminders/:reminderId: what is absent stays; only future occurrences change. */
export class ChangeReminderDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, ...SUBJECT_DOC })
  @Allow()
  @Raw('subject')
  subject?: unknown;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, ...BODY_DOC })
  @Allow()
  @Raw('body')
  body?: unknown;

  @ApiPropertyOptional(RECIPIENTS_DOC)
  @Allow()
  @Raw('recipients')
  recipients?: unknown;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, ...SCHEDULE_DOC })
  @Allow()
  @Raw('schedule')
  schedule?: unknown;
}
