import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal, ROLES } from '@dossiers/platform';
import { ListFilesQuery } from './list-files.query';
import { FileList } from '../../responses/file.responses';

@ApiTags('files')
@QueryController([...ROLES])
@Controller('clients')
export class ListFilesController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The files of one folder, by name (needs read access on it). */
  @Get(':id/folders/:folderId/files')
  @ApiOkResponse({ type: FileList })
  list(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('folderId', new ResourceIdPipe('folder')) folderId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queryBus.execute(new ListFilesQuery(principal, id, folderId));
  }
}
