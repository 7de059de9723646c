import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { Optional } from '@dossiers/platform';

export class UpdateFileDto {
  @ApiPropertyOptional({ description: "a new name: no '/', '\\\\', control characters, 1-200 characters" })
  @Optional()
  @IsString()
  @MaxLength(1000)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'move to this folder (full access on both folders)' })
  @Optional()
  @IsUUID()
  folderId?: string;
}
