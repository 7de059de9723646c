import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import {
  BODY_DOC,
  Raw,
  RECIPIENTS_DOC,
  SCHEDULE_DOC,
  SUBJECT_DOC,
} from '../schedule-reminder/schedule-reminder.dto';

/** The body of POST /reminder-campaigns: a reminder as on one client, and the clients it goes on. */
export class LaunchReminderCampaignDto {
  @ApiProperty({ type: String, format: 'uuid', description: 'the reminder template' })
  @Allow()
  templateId!: unknown;

  @ApiProperty({
    type: 'object',
    additionalProperties: false,
    description:
      'the clients of the firm it goes on: in any of `groupIds` (when given) and whose attributes equal every entry of `attributeEquals` (when given); {} is every client',
    properties: {
      groupIds: { type: 'array', items: { type: 'string', format: 'uuid' } },
      attributeEquals: { type: 'object', additionalProperties: true, example: { regime: 'BIC' } },
    },
  })
  @Allow()
  @Raw('target')
  target!: unknown;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, ...SUBJECT_DOC })
  @Allow()
  @Raw('subject')
  subject?: unknown;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, ...BODY_DOC })
  @Allow()
  @Raw('body')
  body?: unknown;

  @ApiPropertyOptional({ ...RECIPIENTS_DOC, description: `${RECIPIENTS_DOC.description}; 'all' when absent` })
  @Allow()
  @Raw('recipients')
  recipients?: unknown;

  @ApiProperty({ type: 'object', additionalProperties: true, ...SCHEDULE_DOC })
  @Allow()
  @Raw('schedule')
  schedule!: unknown;
}
