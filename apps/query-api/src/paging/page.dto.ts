import { ApiPropertyOptional } from '@nestjs/swagger';
import { ToInteger, Optional } from '@dossiers/platform';
import { IsInt, Max, Min } from 'class-validator';
import type { Paging } from './paging';

/** `?page=&pageSize=`: every paged list of the API pages the same way. */
export class PageDto implements Paging {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @Optional()
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(100_000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @Optional()
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 50;
}
