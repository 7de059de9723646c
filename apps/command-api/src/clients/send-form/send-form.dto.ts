import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { Raw, RECIPIENTS_DOC } from '../reminders/schedule-reminder/schedule-reminder.dto';

export class SendFormDto {
  @ApiProperty({ type: String, format: 'uuid' })
  @Allow()
  formTemplateId!: unknown;

  @ApiPropertyOptional({
    type: String,
    description: "the mail's subject and the form's title; default: the template's name",
  })
  @Allow()
  title?: unknown;

  @ApiPropertyOptional({
    type: String,
    description:
      "the mail's message for every language, replacing the template's per language; placeholders as in reminder templates",
  })
  @Allow()
  message?: unknown;

  @ApiPropertyOptional({
    ...RECIPIENTS_DOC,
    description: "'all' (default: the contacts attached when it goes out) or contact ids of the client",
  })
  @Allow()
  @Raw('recipients')
  recipients?: unknown;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'send at this instant instead of now',
  })
  @Allow()
  sendAt?: unknown;
}
