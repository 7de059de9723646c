import { Transform } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import { SHEET_FIELD_TYPES } from '@dossiers/events';

/** For the OpenAPI document only: the fields are checked by checkSheetFields, every problem at once. */
class SheetFieldDoc {
  @ApiProperty({ example: 'siren', description: 'the attribute key: trimmed, 1-100 characters, unique' })
  key!: string;
  @ApiProperty({ example: 'SIREN', description: '1-200 characters' })
  label!: string;
  @ApiProperty({ enum: SHEET_FIELD_TYPES })
  type!: string;
  @ApiPropertyOptional({
    type: [String],
    description: 'required for a select (distinct values), refused otherwise',
  })
  options?: string[];
  @ApiPropertyOptional({ default: false })
  required?: boolean;
}

/** The body of POST /sheet-templates and PUT /sheet-templates/:id (a PUT replaces everything). */
export class SheetTemplateDto {
  @ApiProperty({ type: String, example: 'Fiche société', description: 'trimmed, 1-200 characters' })
  @IsDefined()
  name!: unknown;

  @ApiProperty({ type: [SheetFieldDoc], description: 'at most 200 fields' })
  @IsDefined()
  // The raw array: the domain checks it whole and names each bad entry.
  @Transform(({ obj }) => (obj as { fields?: unknown }).fields)
  fields!: unknown;
}
