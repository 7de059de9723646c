import { ApiPropertyOptional } from '@nestjs/swagger';
import { Optional } from '@dossiers/platform';
import { IsString, MaxLength } from 'class-validator';

/** Every field optional; checkCollaboratorChanges does the real checks. */
export class UpdateCollaboratorDto {
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

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(1000)
  email?: string;
}
