import { Transform } from 'class-transformer';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

/** Every field optional; `groupId: null` leaves the group; an attribute set to null is removed. */
export class UpdateClientDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID()
  groupId?: string | null;

  @ApiPropertyOptional({ example: { employees: 43, obsoleteKey: null } })
  @IsOptional()
  @IsObject()
  // The raw object: class-transformer would drop keys such as 'constructor' or 'valueOf' when copying it.
  @Transform(({ obj }) => (obj as { attributes?: unknown }).attributes)
  attributes?: Record<string, unknown>;
}
