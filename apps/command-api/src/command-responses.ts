import { ApiProperty } from '@nestjs/swagger';
import { CommandResponse } from '@dossiers/platform';

/**
 * The commands whose answer names more than the stream they changed: what a caller needs next
 * (the folder it created, the contact it attached), beside `{id, revision, position}`.
 */
export class ContactAttachedResponse extends CommandResponse {
  @ApiProperty({ format: 'uuid', description: 'the contact attached: the one given, or the one created' })
  contactId!: string;
}

export class FormSentResponse extends CommandResponse {
  @ApiProperty({ format: 'uuid', description: 'the form sent' })
  formId!: string;
}

export class FolderCreatedResponse extends CommandResponse {
  @ApiProperty({ format: 'uuid', description: 'the folder created (`id` is the client)' })
  folderId!: string;
}

/** A file command: `id` is the file; the client's revision and ETag, since files live in its stream. */
export class FileCommandResponse extends CommandResponse {
  @ApiProperty({ format: 'uuid', description: 'the client the file belongs to' })
  clientId!: string;
}
