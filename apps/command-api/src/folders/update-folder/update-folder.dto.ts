import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { Optional } from '@dossiers/platform';

export class UpdateFolderDto {
  @ApiPropertyOptional({ description: 'a new name' })
  @Optional()
  @IsString()
  @MaxLength(1000)
  name?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'a new parent; null moves it to the root',
  })
  @Optional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  parentId?: string | null;
}
