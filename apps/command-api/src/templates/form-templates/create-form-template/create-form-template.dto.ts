import { Transform } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import { FORM_QUESTION_TYPES } from '@dossiers/events';

/** For the OpenAPI document only: the sections are checked by checkFormSections, every problem at once. */
class FormQuestionDoc {
  @ApiProperty({ example: 'turnover', description: '1-100 characters, unique across the form' })
  key!: string;
  @ApiProperty({ example: "Chiffre d'affaires de l'exercice", description: '1-500 characters' })
  label!: string;
  @ApiProperty({ enum: FORM_QUESTION_TYPES })
  type!: string;
  @ApiPropertyOptional({
    type: [String],
    description: 'required for a select (distinct values), refused otherwise',
  })
  options?: string[];
  @ApiPropertyOptional({ default: false })
  required?: boolean;
}

class FormSectionDoc {
  @ApiProperty({ example: 'Activité', description: '1-200 characters' })
  title!: string;
  @ApiProperty({ type: [FormQuestionDoc], description: '1-100 questions' })
  questions!: FormQuestionDoc[];
}

export class CreateFormTemplateDto {
  @ApiProperty({ type: String, example: 'Questionnaire de bilan', description: 'trimmed, 1-200 characters' })
  @IsDefined()
  name!: unknown;

  @ApiProperty({ type: [FormSectionDoc], description: '1-50 sections' })
  @IsDefined()
  // The raw array: the domain checks it whole and names each bad entry.
  @Transform(({ obj }) => (obj as { sections?: unknown }).sections)
  sections!: unknown;
}
