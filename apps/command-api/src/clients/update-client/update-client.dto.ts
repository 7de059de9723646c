import { Transform } from 'class-transformer';
import { Optional } from '@dossiers/platform';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

/** Every field optional; `groupId: null` leaves the group; an attribute set to null is removed. */
export class UpdateClientDto {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(1000)
  name?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null leaves the group' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID()
  groupId?: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: {
      nullable: true,
      oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
    },
    example: { employees: 43, obsoleteKey: null },
    description: 'the attributes to set; null removes one; checked against the sheet fields',
  })
  @Optional()
  @IsObject()
  // The raw object: class-transformer would drop keys such as 'constructor' or 'valueOf' when copying it.
  @Transform(({ obj }) => (obj as { attributes?: unknown }).attributes)
  attributes?: Record<string, unknown>;
}
