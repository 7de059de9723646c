import { ApiPropertyOptional } from '@nestjs/swagger';
import { Optional } from '@dossiers/platform';
import { IsString, MaxLength } from 'class-validator';
import { PageDto } from '../paging/page.dto';

/** `?search=&page=&pageSize=`, paged like GET /clients. */
export class ListDirectoryDto extends PageDto {
  @ApiPropertyOptional({
    description: 'names or email, case- and accent-insensitive: "eloise" finds "Éloïse Martin"',
  })
  @Optional()
  @IsString()
  @MaxLength(200)
  search?: string;
}
