import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { LANGUAGES } from '@dossiers/events';

/** Every field optional; `phone: null` removes the phone. checkContactChanges does the real checks. */
export class UpdateContactDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  firstName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  lastName?: string;

  @ApiPropertyOptional({ description: 'unique in the firm, ignoring case' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  email?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(100)
  phone?: string | null;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsString()
  language?: string;
}
