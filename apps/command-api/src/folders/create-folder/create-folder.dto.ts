import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { Optional } from '@dossiers/platform';

export class CreateFolderDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'absent or null: a root folder',
  })
  @Optional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  parentId?: string | null;

  @ApiProperty({
    example: 'Factures 2026',
    description: "1-120 characters, no '/', unique among its siblings ignoring case",
  })
  @IsString()
  @MaxLength(1000)
  name!: string;
}
