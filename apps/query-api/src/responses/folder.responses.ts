import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCESS_LEVELS } from '@dossiers/events';

const SEEN_RIGHTS = ['read', 'full'];
const PRINCIPAL_KINDS = ['contact', 'collaborator'];

export class FolderSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ example: 'Comptabilité/Factures' })
  path!: string;
  @ApiProperty({ type: 'integer', description: '0 for a root folder' })
  depth!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for a root folder' })
  parentId!: string | null;
}

/** A folder of GET /clients/:id/folders. */
export class FolderTreeItem extends FolderSummary {
  @ApiPropertyOptional({
    enum: SEEN_RIGHTS,
    description: "the caller's effective right (staff: full); absent on a traverseOnly folder",
  })
  right?: string;
  @ApiPropertyOptional({
    description: 'collaborators and contacts only: true for an ancestor listed only to reach a deeper folder',
  })
  traverseOnly?: boolean;
}

export class FolderTree {
  @ApiPropertyOptional({
    description: 'collaborators and contacts only: whose "eye" this is (the caller\'s id)',
  })
  principalId?: string;
  @ApiProperty({ type: [FolderTreeItem], description: 'in reading order' })
  items!: FolderTreeItem[];
  @ApiProperty({ type: 'integer' })
  total!: number;
}

export class VisibleFolderItem extends FolderSummary {
  @ApiPropertyOptional({ enum: SEEN_RIGHTS, description: 'absent on a traverseOnly folder' })
  right?: string;
  @ApiProperty({
    description: 'an ancestor listed path-only, so that a deeper visible folder can be reached',
  })
  traverseOnly!: boolean;
}

/** The "eye": what one principal sees. */
export class VisibleFolders {
  @ApiProperty()
  principalId!: string;
  @ApiProperty({ type: [VisibleFolderItem] })
  items!: VisibleFolderItem[];
  @ApiProperty({ type: 'integer' })
  total!: number;
}

export class MatrixPrincipal {
  @ApiProperty()
  id!: string;
  @ApiProperty({ enum: PRINCIPAL_KINDS })
  kind!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'first and last name; null if unknown to the directory',
  })
  name!: string | null;
  @ApiProperty({
    enum: ACCESS_LEVELS,
    nullable: true,
    description: "a collaborator's access to the client; null for a contact",
  })
  clientAccess!: string | null;
}

/** One principal's right on one folder, in the matrix. */
const MATRIX_RIGHT = {
  type: 'object',
  required: ['explicit', 'effective'],
  properties: {
    explicit: {
      type: 'string',
      enum: [...ACCESS_LEVELS],
      nullable: true,
      description: 'set on this folder; null: inherited',
    },
    effective: { type: 'string', enum: [...ACCESS_LEVELS] },
  },
};

export class MatrixFolder extends FolderSummary {
  @ApiProperty({
    type: 'object',
    additionalProperties: MATRIX_RIGHT,
    description: 'by principal id: {explicit, effective}',
  })
  rights!: Record<string, { explicit: string | null; effective: string }>;
}

export class PermissionMatrix {
  @ApiProperty({ type: [MatrixPrincipal], description: 'contacts, then collaborators, by name' })
  principals!: MatrixPrincipal[];
  @ApiProperty({ type: [MatrixFolder], description: 'in reading order' })
  folders!: MatrixFolder[];
}

export class RightSource {
  @ApiProperty({
    enum: ['explicit', 'inherited', 'client', 'default'],
    description:
      "explicit: set on this folder; inherited: from an ancestor; client: a collaborator's client access; default: a contact's template default",
  })
  kind!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'inherited only' })
  fromFolderId?: string;
  @ApiPropertyOptional({ description: 'inherited only' })
  fromPath?: string;
}

export class FolderAccessItem {
  @ApiProperty()
  principalId!: string;
  @ApiProperty({ enum: PRINCIPAL_KINDS })
  kind!: string;
  @ApiProperty({ type: String, nullable: true })
  name!: string | null;
  @ApiProperty({ enum: SEEN_RIGHTS })
  right!: string;
  @ApiProperty({ type: RightSource })
  source!: RightSource;
}

export class FolderAccess {
  @ApiProperty({ type: FolderSummary })
  folder!: FolderSummary;
  @ApiProperty({ type: [FolderAccessItem], description: 'everyone whose right is not none' })
  items!: FolderAccessItem[];
}
