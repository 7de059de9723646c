import { Transform } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import { ACCESS_LEVELS } from '@dossiers/events';

/** For the OpenAPI document only: the folders are checked by checkTreeFolders, every problem at once. */
class TreeFolderDoc {
  @ApiProperty({
    example: 'Comptabilité/Factures',
    description: "names separated by '/': each 1-120 characters, not '.' or '..'; at most 10 levels",
  })
  path!: string;
  @ApiPropertyOptional({ enum: ACCESS_LEVELS, default: 'none', description: "contacts' right on the folder" })
  contactDefault?: string;
}

/** The body of POST /tree-templates and PUT /tree-templates/:id (a PUT replaces everything). */
export class TreeTemplateDto {
  @ApiProperty({ type: String, example: 'Arborescence standard', description: 'trimmed, 1-200 characters' })
  @IsDefined()
  name!: unknown;

  @ApiProperty({
    type: [TreeFolderDoc],
    description:
      'at most 5,000 folders; parents implied by a path are added; sibling names unique ignoring case',
  })
  @IsDefined()
  // The raw array: the domain checks it whole and names each bad entry.
  @Transform(({ obj }) => (obj as { folders?: unknown }).folders)
  folders!: unknown;
}
