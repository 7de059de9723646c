import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { Transform } from 'class-transformer';

export class ConfigureConnectorDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description:
      'checked against GET /connectors/:id; secret settings are write-only and may be left out to keep them',
    example: { companyId: '12345', apiToken: 'secret' },
  })
  @Allow()
  @Transform(({ obj }) => (obj as { settings?: unknown }).settings)
  settings?: unknown;
}
