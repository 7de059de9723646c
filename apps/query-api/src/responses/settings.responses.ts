import { ApiProperty } from '@nestjs/swagger';
import { NEW_FOLDER_DEFAULTS } from '@dossiers/events';

export class SettingsDetails {
  @ApiProperty({ enum: NEW_FOLDER_DEFAULTS, description: "new subfolders' policy for contacts" })
  newFolderDefault!: string;
  @ApiProperty({ example: 'Europe/Paris', description: 'IANA time zone day-based reminders follow' })
  timeZone!: string;
  @ApiProperty({ example: '09:00', description: 'HH:MM: the local time reminders go out at' })
  sendHour!: string;
  @ApiProperty({ example: 'Cabinet Dupont', description: "what {{firm.name}} renders; '' for none" })
  firmName!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: never changed' })
  updatedAt!: string | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: "the settings stream's revision, also the ETag; null (no ETag) while never changed",
  })
  revision!: number | null;
}
