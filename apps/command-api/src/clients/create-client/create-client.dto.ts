import { Transform } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { ACCESS_LEVELS, LANGUAGES } from '@dossiers/events';

const OPTIONAL_ID = { type: String, format: 'uuid', nullable: true } as const;
const VALUE = { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] };

/** For the OpenAPI document only, like the steps below: the wizard's steps (../steps) check each entry and name its fields. */
export class WizardExistingContact {
  @ApiProperty({ format: 'uuid' })
  contactId!: string;
  @ApiProperty({ enum: LANGUAGES, description: "this client's emails to the contact" })
  language!: string;
  @ApiProperty()
  sendActivationEmail!: boolean;
}

export class WizardNewContact {
  @ApiProperty({ example: 'Anne', description: '1-100 characters' })
  firstName!: string;
  @ApiProperty({ example: 'Martin', description: '1-100 characters' })
  lastName!: string;
  @ApiProperty({ example: 'anne@example.fr', description: 'unique in the firm, ignoring case' })
  email!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: '6-20 digits' })
  phone?: string | null;
  @ApiProperty({ enum: LANGUAGES })
  language!: string;
  @ApiProperty()
  sendActivationEmail!: boolean;
}

class WizardCollaborator {
  @ApiProperty({ format: 'uuid' })
  collaboratorId!: string;
  @ApiProperty({ enum: ACCESS_LEVELS })
  access!: string;
}

class WizardConnector {
  @ApiProperty({ example: 'pennylane', description: 'an id of GET /connectors' })
  connectorId!: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: VALUE,
    nullable: true,
    description: 'checked against the connector',
  })
  settings?: Record<string, string | number | boolean> | null;
}

/**
 * The creation wizard's six steps in one body. Every property is checked by the handler, step by
 * step, so that one 400 lists every error with its step and field; only unknown properties are
 * refused here. The raw values are kept (class-transformer would drop keys such as 'constructor').
 */
export class CreateClientDto {
  @ApiProperty({
    type: String,
    example: 'Société Générale',
    description: 'step 1 (info): trimmed, 1-200 characters, unique in the firm',
  })
  @Allow()
  name!: unknown;

  @ApiPropertyOptional({ ...OPTIONAL_ID, description: 'step 1 (info)' })
  @Allow()
  groupId?: unknown;

  @ApiPropertyOptional({
    ...OPTIONAL_ID,
    description: 'step 1 (info): its fields are added to the sheet, required ones must have a value',
  })
  @Allow()
  sheetTemplateId?: unknown;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: VALUE,
    example: { siren: '552120222', employees: 42, vatRegistered: true, fiscalYearEnd: '2026-12-31' },
    description:
      'step 1 (info): string keys; string, number, boolean or ISO-8601 date values; checked against the sheet template',
  })
  @Allow()
  @Transform(({ obj }) => (obj as { attributes?: unknown }).attributes)
  attributes?: unknown;

  @ApiPropertyOptional({
    type: 'array',
    nullable: true,
    items: {
      oneOf: [{ $ref: getSchemaPath(WizardExistingContact) }, { $ref: getSchemaPath(WizardNewContact) }],
    },
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

  @ApiPropertyOptional({
    type: [WizardCollaborator],
    nullable: true,
    description: 'step 3: `[{collaboratorId, access: none|read|full}]`',
  })
  @Allow()
  @Transform(({ obj }) => (obj as { collaborators?: unknown }).collaborators)
  collaborators?: unknown;

  @ApiPropertyOptional({ ...OPTIONAL_ID, description: 'step 4: the folder tree to apply' })
  @Allow()
  treeTemplateId?: unknown;

  @ApiPropertyOptional({
    type: [WizardConnector],
    nullable: true,
    description: 'step 5: `[{connectorId, settings?}]`, settings checked against GET /connectors',
  })
  @Allow()
  @Transform(({ obj }) => (obj as { connectors?: unknown }).connectors)
  connectors?: unknown;

  @ApiPropertyOptional({
    ...OPTIONAL_ID,
    description: "step 6: a form sent to the client's contacts once it exists",
  })
  @Allow()
  formTemplateId?: unknown;
}
