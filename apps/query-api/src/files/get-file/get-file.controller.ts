import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal, ROLES } from '@dossiers/platform';
import { GetFileQuery } from './get-file.query';
import { FileItem } from '../../responses/file.responses';

@ApiTags('files')
@QueryController([...ROLES])
@Controller('clients')
export class GetFileController {
  constructor(private readonly queryBus: QueryBus) {}

  /** One file's details and versions. */
  @Get(':id/files/:fileId')
  @ApiOkResponse({ type: FileItem })
  get(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('fileId', new ResourceIdPipe('file')) fileId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queryBus.execute(new GetFileQuery(principal, id, fileId));
  }
}
