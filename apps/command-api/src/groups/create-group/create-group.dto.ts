import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class CreateGroupDto {
  @ApiProperty({ example: 'Clients BNC', description: 'trimmed, 1-120 characters' })
  @IsString()
  @MaxLength(1000)
  name!: string;
}
