import { Transform } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import { FORM_QUESTION_TYPES } from '@dossiers/events';
import { Optional } from '@dossiers/platform';

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

class FormMessagesDoc {
  @ApiPropertyOptional({ example: 'Bonjour {{contact.firstName}}, merci de remplir ce questionnaire.' })
  fr?: string;
  @ApiPropertyOptional()
  en?: string;
  @ApiPropertyOptional()
  de?: string;
  @ApiPropertyOptional()
  es?: string;
  @ApiPropertyOptional()
  it?: string;
  @ApiPropertyOptional()
  nl?: string;
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

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Social/Questionnaires',
    description:
      "the folder the submitted form's report is filed in, from the client's root (created if missing); segments are folder names (1-120 characters, no '.' or '..'), 10 levels at most; absent or null: the root",
  })
  @Optional()
  targetFolderPath?: unknown;

  @ApiPropertyOptional({
    type: FormMessagesDoc,
    description:
      'the email that sends the form, per language (none required): 1-10,000 characters with the placeholders of reminder texts',
  })
  @Optional()
  @Transform(({ obj }) => (obj as { messages?: unknown }).messages)
  messages?: unknown;
}
