import { Transform } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class CreateClientDto {
  @ApiProperty({ example: 'Société Générale', description: 'trimmed, 1-200 characters, unique in the firm' })
  @IsString()
  @MaxLength(1000)
  name!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @ApiPropertyOptional({
    example: { siren: '552120222', employees: 42, vatRegistered: true, fiscalYearEnd: '2026-12-31' },
    description: 'string keys; string, number, boolean or ISO-8601 date values',
  })
  @IsOptional()
  @IsObject()
  // The raw object: class-transformer would drop keys such as 'constructor' or 'valueOf' when copying it.
  @Transform(({ obj }) => (obj as { attributes?: unknown }).attributes)
  attributes?: Record<string, unknown>;
}
