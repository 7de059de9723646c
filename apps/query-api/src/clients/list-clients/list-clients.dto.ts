import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export const CLIENT_SORTS = ['name', '-name', 'createdAt', '-createdAt'] as const;
export type ClientSort = (typeof CLIENT_SORTS)[number];

export class ListClientsQuery {
  @ApiPropertyOptional({ description: 'case- and accent-insensitive: "societe" finds "Société Générale"' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @ApiPropertyOptional({ enum: CLIENT_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(CLIENT_SORTS)
  sort: ClientSort = 'name';

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 50;
}
