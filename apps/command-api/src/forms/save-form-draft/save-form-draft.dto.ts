import { ApiProperty } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { FORM_ANSWERS_SCHEMA } from '../form-link.responses';

/** The body of PUT /forms/:token/draft and POST /forms/:token/answers. */
export class FormAnswersDto {
  @ApiProperty({
    ...FORM_ANSWERS_SCHEMA,
    description:
      '{<question key>: value}: text, longtext, select, file and date (YYYY-MM-DD) as strings, number, yesno as a boolean',
    example: { siren: '552120222', staff: 12 },
  })
  @Allow()
  answers!: unknown;
}
