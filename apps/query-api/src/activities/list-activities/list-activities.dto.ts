import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { Optional } from '@dossiers/platform';
import { ActivityPageDto } from '../activity-filters.dto';

/** `GET /activities`: the client log's filters and paging, plus which client. */
export class ListActivitiesDto extends ActivityPageDto {
  @ApiPropertyOptional({ format: 'uuid', description: "one client's activities" })
  @Optional()
  @IsString()
  clientId?: string;
}
