import { ApiPropertyOptional } from '@nestjs/swagger';
import { Optional } from '@dossiers/platform';
import { IsString, MaxLength, ValidateIf } from 'class-validator';
import { LANGUAGES } from '@dossiers/events';

/** Every field optional; `phone: null` removes the phone. checkContactChanges does the real checks. */
export class UpdateContactDto {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(1000)
  firstName?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(1000)
  lastName?: string;

  @ApiPropertyOptional({ description: 'unique in the firm, ignoring case' })
  @Optional()
  @IsString()
  @MaxLength(1000)
  email?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null removes the phone' })
  @Optional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(100)
  phone?: string | null;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @Optional()
  @IsString()
  language?: string;
}
