import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@dossiers/platform';
import { ACTIVITY_TYPES } from '@dossiers/read-models';

export class ActivityActor {
  @ApiProperty({ description: "the event's actor id (an activation link acts as `contact:<id>`)" })
  id!: string;
  @ApiProperty({
    enum: [...ROLES, 'unknown'],
    description: "the actor's role when the event was recorded, else its kind in the directory, else unknown",
  })
  kind!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'the name the person had then; null when the directory does not know them (an admin, a service)',
  })
  name!: string | null;
}

export class ActivitySummaryText {
  @ApiProperty({ example: 'Téléchargement du fichier bilan.pdf' })
  fr!: string;
  @ApiProperty({ example: 'Download of the file bilan.pdf' })
  en!: string;
}

/** One activity as it was at that moment: names and paths are those of the time. */
export class ActivityItem {
  @ApiProperty({ description: "the event's id" })
  id!: string;
  @ApiProperty({ type: 'integer', description: "the event's global position" })
  position!: number;
  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;
  @ApiProperty({ enum: ACTIVITY_TYPES, description: 'a stable activity-type code' })
  type!: string;
  @ApiProperty({ type: ActivityActor })
  actor!: ActivityActor;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  fileId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the file name then' })
  fileName!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "the extension, lower case, without the dot ('' when none); null when no file is concerned",
  })
  format!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  folderId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Comptabilité/Factures',
    description: 'the path then',
  })
  folderPath!: string | null;
  @ApiProperty({ type: ActivitySummaryText })
  summary!: ActivitySummaryText;
}

export class ClientActivityPage {
  @ApiProperty({ type: [ActivityItem], description: 'newest first' })
  items!: ActivityItem[];
  @ApiProperty({
    type: 'integer',
    description: 'every entry matching the filters that the caller may see, all pages',
  })
  total!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'pass as `cursor` for the next page; null on the last',
  })
  nextCursor!: string | null;
}

/** An activity of the firm-wide log: the same, with its client. */
export class FirmActivityItem extends ActivityItem {
  @ApiProperty({ format: 'uuid' })
  clientId!: string;
}

export class FirmActivityPage {
  @ApiProperty({ type: [FirmActivityItem], description: 'newest first' })
  items!: FirmActivityItem[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'pass as `cursor` for the next page; null on the last',
  })
  nextCursor!: string | null;
}
