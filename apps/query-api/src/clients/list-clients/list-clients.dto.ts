import { ApiPropertyOptional } from '@nestjs/swagger';
import { Optional } from '@dossiers/platform';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../paging/page.query';

export const CLIENT_SORTS = ['name', '-name', 'createdAt', '-createdAt'] as const;
export type ClientSort = (typeof CLIENT_SORTS)[number];

export class ListClientsQuery extends PageQuery {
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
