import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Optional, ToInteger } from '@dossiers/platform';
import { ACTIVITY_TYPES } from '@dossiers/read-models';

/**
 * The filters every activity route takes. Only their shape is checked here: what they mean (dates,
 * type codes, extensions) is parsed by parseActivityRequest, which names the parameter it refuses.
 */
export class ActivityFiltersDto {
  @ApiPropertyOptional({
    description: 'case- and accent-insensitive part of the file name: "etat" finds "État 2026.pdf"',
  })
  @Optional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({
    type: [String],
    description:
      'one or more extensions, any case, with or without the dot: `format=pdf,.DOCX` or `format=pdf&format=docx`',
  })
  @Optional()
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  format?: string | string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'the activities about this folder (as it was then)' })
  @Optional()
  @IsString()
  folderId?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description: 'with folderId: also every folder that was below it at the time of the activity',
  })
  @Optional()
  @IsString()
  includeSubfolders?: string;

  @ApiPropertyOptional({
    description:
      'inclusive, on occurredAt: an ISO 8601 instant with its offset, or a date (UTC, from its start)',
    example: '2026-03-01',
  })
  @Optional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({
    description:
      'inclusive, on occurredAt: an ISO 8601 instant with its offset, or a date (UTC, the whole day)',
    example: '2026-03-31T18:00:00Z',
  })
  @Optional()
  @IsString()
  @MaxLength(40)
  to?: string;

  @ApiPropertyOptional({
    type: [String],
    enum: ACTIVITY_TYPES,
    description: 'one or more activity-type codes, comma-separated or repeated',
  })
  @Optional()
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  type?: string | string[];

  @ApiPropertyOptional({ description: 'the actor id, as in `actor.id`' })
  @Optional()
  @IsString()
  actorId?: string;
}

/** `?cursor=&limit=`: the activity lists page by cursor, newest first. */
export class ActivityPageDto extends ActivityFiltersDto {
  @ApiPropertyOptional({
    description:
      "the previous page's `nextCursor`; it carries the filters, which may be left out or sent again unchanged",
  })
  @Optional()
  @IsString()
  @MaxLength(4000)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @Optional()
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;
}
