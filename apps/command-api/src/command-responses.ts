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

export class ReminderScheduledResponse extends CommandResponse {
  @ApiProperty({ format: 'uuid', description: 'the reminder scheduled (`id` is the client)' })
  reminderId!: string;
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

class CampaignClientSkippedResponse {
  @ApiProperty({ format: 'uuid' })
  clientId!: string;
  @ApiProperty({
    description: 'why: CLIENT_NOT_FOUND (deleted since), VALIDATION_FAILED (does not fit it), …',
  })
  code!: string;
  @ApiProperty()
  message!: string;
}

/** `id` is the campaign; `revision` and `position` are its stream's, or the last client's when later. */
export class ReminderCampaignLaunchedResponse extends CommandResponse {
  @ApiProperty({ description: 'the clients the target matched (as of the client list read model then)' })
  clients!: number;
  @ApiProperty({ description: 'of them, those whose reminder is scheduled (now or by the first launch)' })
  scheduled!: number;
  @ApiProperty({ type: [CampaignClientSkippedResponse] })
  skipped!: CampaignClientSkippedResponse[];
}
