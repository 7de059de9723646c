import { ApiProperty } from '@nestjs/swagger';

export class FileVersionItem {
  @ApiProperty({ type: 'integer', description: '1 for the first upload' })
  version!: number;
  @ApiProperty({ type: 'integer', description: 'bytes' })
  size!: number;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' })
  sha256!: string;
  @ApiProperty({ example: 'application/pdf' })
  contentType!: string;
  @ApiProperty()
  uploadedBy!: string;
  @ApiProperty({ format: 'date-time' })
  uploadedAt!: string;
}

export class FileItem {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  folderId!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ example: 'pdf', description: "the extension, lower case, without the dot ('' when none)" })
  format!: string;
  @ApiProperty({ type: 'integer', description: "the current version's size in bytes" })
  size!: number;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' })
  sha256!: string;
  @ApiProperty()
  contentType!: string;
  @ApiProperty({ type: 'integer', description: 'the current version' })
  version!: number;
  @ApiProperty()
  createdBy!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty()
  updatedBy!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
  @ApiProperty({ type: [FileVersionItem], description: 'oldest first; the last is the current one' })
  versions!: FileVersionItem[];
}

export class FileList {
  @ApiProperty({ type: [FileItem], description: 'by name' })
  items!: FileItem[];
  @ApiProperty({ type: 'integer' })
  total!: number;
}
