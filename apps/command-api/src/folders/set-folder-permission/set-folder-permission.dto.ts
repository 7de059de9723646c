import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { FOLDER_RIGHTS, type FolderRight } from '@dossiers/events';

export class SetFolderPermissionDto {
  @ApiProperty({
    enum: FOLDER_RIGHTS,
    description: 'none, read (consult + download), full (+ publish + modify), or inherit the parent folder',
  })
  @IsIn(FOLDER_RIGHTS)
  right!: FolderRight;
}
