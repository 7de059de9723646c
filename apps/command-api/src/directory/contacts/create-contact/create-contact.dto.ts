import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Optional } from '@dossiers/platform';
import { IsString, MaxLength, ValidateIf } from 'class-validator';
import { LANGUAGES } from '@dossiers/events';

/** Types only: checkContactDetails does the real checks and names every bad field at once. */
export class CreateContactDto {
  @ApiProperty({ example: 'Zoé', description: 'trimmed, 1-100 characters' })
  @IsString()
  @MaxLength(1000)
  firstName!: string;

  @ApiProperty({ example: 'Dupré', description: 'trimmed, 1-100 characters' })
  @IsString()
  @MaxLength(1000)
  lastName!: string;

  @ApiProperty({ example: 'zoe.dupre@example.fr', description: 'unique in the firm, ignoring case' })
  @IsString()
  @MaxLength(1000)
  email!: string;

  @ApiPropertyOptional({
    type: String,
    example: '+33 1 23 45 67 89',
    nullable: true,
    description: '6-20 digits',
  })
  @Optional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(100)
  phone?: string | null;

  @ApiProperty({ enum: LANGUAGES, description: 'the language of the emails the contact receives' })
  @IsString()
  language!: string;
}
