import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** Types only: checkCollaboratorDetails does the real checks and names every bad field at once. */
export class RegisterCollaboratorDto {
  @ApiProperty({ example: 'Marc', description: 'trimmed, 1-100 characters' })
  @IsString()
  @MaxLength(1000)
  firstName!: string;

  @ApiProperty({ example: 'Leroy', description: 'trimmed, 1-100 characters' })
  @IsString()
  @MaxLength(1000)
  lastName!: string;

  @ApiProperty({ example: 'marc.leroy@cabinet.fr', description: 'stored lower-cased; not unique' })
  @IsString()
  @MaxLength(1000)
  email!: string;
}
