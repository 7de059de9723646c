import { Transform } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/**
 * The creation wizard's six steps in one body. Every property is checked by the handler, step by
 * step, so that one 400 lists every error with its step and field; only unknown properties are
 * refused here. The raw values are kept (class-transformer would drop keys such as 'constructor').
 */
export class CreateClientDto {
  @ApiProperty({
    example: 'Société Générale',
    description: 'step 1 (info): trimmed, 1-200 characters, unique in the firm',
  })
  @Allow()
  name!: unknown;

  @ApiPropertyOptional({ format: 'uuid', description: 'step 1 (info)' })
  @Allow()
  groupId?: unknown;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'step 1 (info): its fields are added to the sheet, required ones must have a value',
  })
  @Allow()
  sheetTemplateId?: unknown;

  @ApiPropertyOptional({
    example: { siren: '552120222', employees: 42, vatRegistered: true, fiscalYearEnd: '2026-12-31' },
    description:
      'step 1 (info): string keys; string, number, boolean or ISO-8601 date values; checked against the sheet template',
  })
  @Allow()
  @Transform(({ obj }) => (obj as { attributes?: unknown }).attributes)
  attributes?: unknown;

  @ApiPropertyOptional({
    description:
      'step 2: existing `{contactId, language, sendActivationEmail}` or new `{firstName, lastName, email, phone?, language, sendActivationEmail}`',
    example: [
      {
        firstName: 'Anne',
        lastName: 'Martin',
        email: 'anne@example.fr',
        language: 'fr',
        sendActivationEmail: true,
      },
    ],
  })
  @Allow()
  @Transform(({ obj }) => (obj as { contacts?: unknown }).contacts)
  contacts?: unknown;

  @ApiPropertyOptional({ description: 'step 3: `[{collaboratorId, access: none|read|full}]`' })
  @Allow()
  @Transform(({ obj }) => (obj as { collaborators?: unknown }).collaborators)
  collaborators?: unknown;

  @ApiPropertyOptional({ format: 'uuid', description: 'step 4: the folder tree to apply' })
  @Allow()
  treeTemplateId?: unknown;

  @ApiPropertyOptional({
    description: 'step 5: `[{connectorId, settings?}]`, settings checked against GET /connectors',
  })
  @Allow()
  @Transform(({ obj }) => (obj as { connectors?: unknown }).connectors)
  connectors?: unknown;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "step 6: a form sent to the client's contacts once it exists",
  })
  @Allow()
  formTemplateId?: unknown;
}
