import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { NEW_FOLDER_DEFAULTS, type NewFolderDefault } from '@dossiers/events';
import { Optional } from '@dossiers/platform';

export class ChangeSettingsDto {
  @ApiPropertyOptional({
    enum: NEW_FOLDER_DEFAULTS,
    description:
      'inherit: new subfolders inherit their parent for everyone; locked: contacts get none on them',
  })
  @Optional()
  @IsIn(NEW_FOLDER_DEFAULTS)
  newFolderDefault?: NewFolderDefault;
}
