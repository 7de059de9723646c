import { ApiPropertyOptional } from '@nestjs/swagger';
import { NEW_FOLDER_DEFAULTS } from '@dossiers/events';
import { Optional } from '@dossiers/platform';

/** Each setting is checked by checkSettingsChanges, every problem at once; an absent one keeps its value. */
export class ChangeSettingsDto {
  @ApiPropertyOptional({
    enum: NEW_FOLDER_DEFAULTS,
    description:
      'inherit: new subfolders inherit their parent for everyone; locked: contacts get none on them',
  })
  @Optional()
  newFolderDefault?: unknown;

  @ApiPropertyOptional({
    type: String,
    example: 'Europe/Paris',
    description: "the firm's IANA time zone, which day-based reminders follow (default Europe/Paris)",
  })
  @Optional()
  timeZone?: unknown;

  @ApiPropertyOptional({
    type: String,
    example: '09:00',
    description: 'HH:MM, 00:00-23:59: the local time reminders go out at (default 09:00)',
  })
  @Optional()
  sendHour?: unknown;

  @ApiPropertyOptional({
    type: String,
    example: 'Cabinet Dupont',
    description:
      "the firm's name, which {{firm.name}} renders: 1-200 characters, or '' for none (the default)",
  })
  @Optional()
  firmName?: unknown;
}
