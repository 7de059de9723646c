import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal, ROLES } from '@dossiers/platform';
import { GetVisibleFoldersQuery } from './get-visible-folders.query';
import { VisibleFolders } from '../../responses/folder.responses';

/** Contacts see their own "eye" only. */
@ApiTags('folders')
@QueryController([...ROLES])
@Controller('clients')
export class GetVisibleFoldersController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The "eye": what one principal can see, ancestors of deep folders listed path-only (traverseOnly). */
  @Get(':id/permissions/:principalId/visible-folders')
  @ApiOkResponse({ type: VisibleFolders })
  visibleFolders(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('principalId', new ResourceIdPipe('principal')) principalId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queryBus.execute(new GetVisibleFoldersQuery(principal, id, principalId));
  }
}
