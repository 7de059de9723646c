import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCESS_LEVELS, LANGUAGES, SHEET_FIELD_TYPES } from '@dossiers/events';

/** An attribute value: a string (ISO-8601 for a date), a number or a boolean. */
export const ATTRIBUTE_VALUE = { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] };

export class ClientListItem {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  groupId!: string | null;
  @ApiProperty({ type: String, nullable: true })
  groupName!: string | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'contacts + collaborators whose access is not none; null for collaborators and contacts',
  })
  membersCount!: number | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'folders; null for collaborators and contacts',
  })
  directoriesCount!: number | null;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class ClientPage {
  @ApiProperty({ type: [ClientListItem] })
  items!: ClientListItem[];
  @ApiProperty({ type: 'integer', description: 'every client matching the filters, all pages' })
  total!: number;
}

/** A field of the client sheet, from a loaded sheet template. */
export class SheetFieldItem {
  @ApiProperty({ description: 'the attribute key' })
  key!: string;
  @ApiProperty()
  label!: string;
  @ApiProperty({ enum: SHEET_FIELD_TYPES })
  type!: string;
  @ApiPropertyOptional({ type: [String], description: "a select's values; absent for other types" })
  options?: string[];
  @ApiProperty()
  required!: boolean;
}

export class LoadedSheetTemplate {
  @ApiProperty({ format: 'uuid' })
  templateId!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ format: 'date-time' })
  loadedAt!: string;
}

export class ClientDetails extends ClientListItem {
  @ApiProperty({ type: 'object', additionalProperties: ATTRIBUTE_VALUE, example: { siren: '552120222' } })
  attributes!: Record<string, string | number | boolean>;
  @ApiProperty({
    type: [SheetFieldItem],
    description: 'the fields of the loaded templates; an attribute without a field has none',
  })
  fields!: SheetFieldItem[];
  @ApiProperty({ type: [LoadedSheetTemplate] })
  sheetTemplates!: LoadedSheetTemplate[];
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description:
      "staff: the client stream's revision, also the ETag (send it in If-Match); null for collaborators and contacts, whom work in hidden folders would otherwise show",
  })
  revision!: number | null;
}

export class EventMetadataItem {
  @ApiProperty()
  tenant!: string;
  @ApiProperty({ description: 'the principal (token `sub`) who caused it' })
  actor!: string;
  @ApiProperty({ description: 'the request (X-Correlation-Id) that caused it' })
  correlationId!: string;
  @ApiProperty({ type: String, nullable: true })
  causationId!: string | null;
  @ApiProperty({ format: 'date-time', description: "the command's instant" })
  occurredAt!: string;
  @ApiPropertyOptional({
    type: String,
    description: "the actor's role when it ran (its token's); absent on events recorded before it was kept",
  })
  actorRole?: string;
}

export class HistoryEvent {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ example: 'ClientCreated' })
  type!: string;
  @ApiProperty({ type: 'integer', description: 'the version of `data`, upcast to the current one' })
  schemaVersion!: number;
  @ApiProperty({ type: 'integer', description: 'its place in the stream (0-based)' })
  revision!: number;
  @ApiProperty({ type: 'integer', description: 'its global position' })
  position!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the event itself; secrets only encrypted',
  })
  data!: Record<string, unknown>;
  @ApiProperty({ type: EventMetadataItem })
  metadata!: EventMetadataItem;
}

/** GET /clients/:id/history: the client's own stream. */
export class ClientHistoryPage {
  @ApiProperty({ format: 'uuid' })
  clientId!: string;
  @ApiProperty({
    type: [HistoryEvent],
    description: "oldest first; `revision` is the client stream's (the ETag's)",
  })
  events!: HistoryEvent[];
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'the fromRevision of the next page; null at the end of the stream',
  })
  nextRevision!: number | null;
}

export class DownloadedRange {
  @ApiProperty({ type: 'integer' })
  start!: number;
  @ApiProperty({ type: 'integer', description: 'inclusive' })
  end!: number;
}

export class FileDownloadedData {
  @ApiProperty({ format: 'uuid' })
  clientId!: string;
  @ApiProperty({ format: 'uuid' })
  fileId!: string;
  @ApiProperty({ type: 'integer' })
  version!: number;
  @ApiProperty({ type: DownloadedRange, nullable: true, description: 'null: the whole file' })
  range!: DownloadedRange | null;
}

export class DownloadEvent {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ enum: ['FileDownloaded'] })
  type!: string;
  @ApiProperty({ type: 'integer' })
  schemaVersion!: number;
  @ApiProperty({
    type: 'integer',
    description: "its place in the client's downloads stream, not the client's",
  })
  revision!: number;
  @ApiProperty({ type: 'integer' })
  position!: number;
  @ApiProperty({ type: FileDownloadedData })
  data!: FileDownloadedData;
  @ApiProperty({ type: EventMetadataItem, description: 'actor: who downloaded; occurredAt: when' })
  metadata!: EventMetadataItem;
}

/** GET /clients/:id/downloads: the client's downloads stream, kept apart from its own. */
export class ClientDownloadsPage {
  @ApiProperty({ format: 'uuid' })
  clientId!: string;
  @ApiProperty({ type: [DownloadEvent], description: 'oldest first' })
  events!: DownloadEvent[];
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'the fromRevision of the next page (in the downloads stream); null at its end',
  })
  nextRevision!: number | null;
}

const TAB_REVISION =
  "staff: the client stream's revision at the last change to the sheet's tabs (templates, contacts, " +
  'collaborators, connectors, forms), behind the ETag of GET /clients/:id once info, folders or ' +
  'files changed since: send that ETag, not this, in If-Match; null for collaborators and contacts';

export class ClientContactItem {
  @ApiProperty({ format: 'uuid' })
  contactId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null until the directory knows the contact' })
  firstName!: string | null;
  @ApiProperty({ type: String, nullable: true })
  lastName!: string | null;
  @ApiProperty({ type: String, nullable: true })
  email!: string | null;
  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;
  @ApiProperty({ description: 'whether the contact has chosen a password' })
  activated!: boolean;
  @ApiProperty({ enum: LANGUAGES, description: "the language of this client's emails to the contact" })
  language!: string;
  @ApiProperty({ format: 'date-time' })
  attachedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastInvitedAt!: string | null;
}

export class ClientContactsTab {
  @ApiProperty({ type: [ClientContactItem] })
  items!: ClientContactItem[];
  @ApiProperty({ type: 'integer', nullable: true, description: TAB_REVISION })
  revision!: number | null;
}

export class ClientCollaboratorItem {
  @ApiProperty()
  collaboratorId!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'null unless the directory knows the collaborator',
  })
  firstName!: string | null;
  @ApiProperty({ type: String, nullable: true })
  lastName!: string | null;
  @ApiProperty({ type: String, nullable: true })
  email!: string | null;
  @ApiProperty({ enum: ACCESS_LEVELS })
  access!: string;
  @ApiProperty({ format: 'date-time' })
  assignedAt!: string;
}

export class ClientCollaboratorsTab {
  @ApiProperty({ type: [ClientCollaboratorItem] })
  items!: ClientCollaboratorItem[];
  @ApiProperty({ type: 'integer', nullable: true, description: TAB_REVISION })
  revision!: number | null;
}

export class ClientConnectorItem {
  @ApiProperty({ example: 'pennylane' })
  connectorId!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: ATTRIBUTE_VALUE,
    description: 'the settings that are not secret',
  })
  settings!: Record<string, string | number | boolean>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'boolean' },
    description: 'each secret setting: whether it is set (never its value)',
  })
  secrets!: Record<string, boolean>;
  @ApiProperty({ format: 'date-time' })
  configuredAt!: string;
}

export class ClientConnectorsTab {
  @ApiProperty({ type: [ClientConnectorItem] })
  items!: ClientConnectorItem[];
  @ApiProperty({ type: 'integer', nullable: true, description: TAB_REVISION })
  revision!: number | null;
}

export class ClientFormRecipient {
  @ApiProperty({ format: 'uuid' })
  contactId!: string;
  @ApiProperty({ type: String, enum: LANGUAGES, nullable: true, description: 'null while scheduled' })
  language!: string | null;
}

export class ClientFormItem {
  @ApiProperty({ format: 'uuid' })
  formId!: string;
  @ApiProperty({ format: 'uuid' })
  formTemplateId!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({
    type: [String],
    description: 'the contacts it was sent to (or, scheduled, the ones listed)',
  })
  contactIds!: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null while scheduled' })
  sentAt!: string | null;
  @ApiProperty({ description: "the mail's subject and the form's title" })
  title!: string;
  @ApiProperty({ enum: ['scheduled', 'sent', 'opened', 'answered'] })
  status!: string;
  @ApiProperty({ enum: ['all', 'list'], description: "'all': every contact attached when it went out" })
  sendTo!: string;
  @ApiProperty({ type: [ClientFormRecipient] })
  recipients!: ClientFormRecipient[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when it was scheduled' })
  scheduledAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sendAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'the first opening of a link',
  })
  openedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the contact who answered' })
  answeredBy!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: ATTRIBUTE_VALUE,
    nullable: true,
    description: '{<question key>: answer} once answered',
  })
  answers!: Record<string, string | number | boolean> | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "the report filed in the client's folders",
  })
  reportFileId!: string | null;
}

export class ClientFormsTab {
  @ApiProperty({ type: [ClientFormItem] })
  items!: ClientFormItem[];
  @ApiProperty({ type: 'integer', nullable: true, description: TAB_REVISION })
  revision!: number | null;
}

export class GroupItem {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class GroupList {
  @ApiProperty({ type: [GroupItem] })
  items!: GroupItem[];
  @ApiProperty({ type: 'integer' })
  total!: number;
}
