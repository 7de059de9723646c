import { Transform } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import { PLACEHOLDERS } from '@dossiers/domain';

const PLACEHOLDER_LIST = PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ');

/** For the OpenAPI document only: the texts are checked by checkReminderTexts, every problem at once. */
class ReminderTextDoc {
  @ApiProperty({
    example: 'Pièces manquantes pour {{client.name}}',
    description: '1-200 characters, one line',
  })
  subject!: string;
  @ApiProperty({
    example: 'Bonjour {{contact.firstName}},\n\nMerci de déposer vos relevés avant le {{dueDate}}.',
    description: '1-10,000 characters',
  })
  body!: string;
}

class ReminderTextsDoc {
  @ApiPropertyOptional({ type: ReminderTextDoc })
  fr?: ReminderTextDoc;
  @ApiPropertyOptional({ type: ReminderTextDoc })
  en?: ReminderTextDoc;
  @ApiPropertyOptional({ type: ReminderTextDoc })
  de?: ReminderTextDoc;
  @ApiPropertyOptional({ type: ReminderTextDoc })
  es?: ReminderTextDoc;
  @ApiPropertyOptional({ type: ReminderTextDoc })
  it?: ReminderTextDoc;
  @ApiPropertyOptional({ type: ReminderTextDoc })
  nl?: ReminderTextDoc;
}

/** The body of POST /reminder-templates and PUT /reminder-templates/:id (a PUT replaces everything). */
export class ReminderTemplateDto {
  @ApiProperty({ type: String, example: 'Relance pièces', description: 'trimmed, 1-200 characters' })
  @IsDefined()
  name!: unknown;

  @ApiProperty({
    type: ReminderTextsDoc,
    description: `a subject and body per language, fr or en required; placeholders: ${PLACEHOLDER_LIST} (an unknown or malformed one is a 400 naming the field)`,
  })
  @IsDefined()
  // The raw object: the domain checks it whole and names each bad entry.
  @Transform(({ obj }) => (obj as { texts?: unknown }).texts)
  texts!: unknown;
}
