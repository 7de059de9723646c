import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Optional } from '@dossiers/platform';

export class DeleteFolderQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'also delete its subfolders and every file in them',
  })
  @Optional()
  @IsIn(['true', 'false'])
  recursive?: 'true' | 'false';
}
