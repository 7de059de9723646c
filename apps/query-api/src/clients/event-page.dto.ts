import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { Optional, ToInteger } from '@dossiers/platform';

/** `?fromRevision=&limit=`: a page of one of the client's streams (its history, its downloads). */
export class EventPageDto {
  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @Optional()
  @ToInteger()
  @IsInt()
  @Min(0)
  fromRevision: number = 0;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 1000 })
  @Optional()
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 1000;
}
