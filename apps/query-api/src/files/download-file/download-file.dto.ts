import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { Optional, ToInteger } from '@dossiers/platform';

export class DownloadFileDto {
  @ApiPropertyOptional({ minimum: 1, description: 'an earlier version; default the current one' })
  @Optional()
  @ToInteger()
  @IsInt()
  @Min(1)
  version?: number;
}
