import { ApiPropertyOptional } from '@nestjs/swagger';
import { Optional } from '@dossiers/platform';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageDto } from '../../paging/page.dto';
import { CLIENT_SORTS, type ClientSort } from '../client-list';

export class ListClientsDto extends PageDto {
  @ApiPropertyOptional({ description: 'case- and accent-insensitive: "societe" finds "Société Générale"' })
  @Optional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  groupId?: string;

  @ApiPropertyOptional({ enum: CLIENT_SORTS, default: 'name' })
  @Optional()
  @IsIn(CLIENT_SORTS)
  sort: ClientSort = 'name';
}
