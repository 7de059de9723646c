import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal, ROLES } from '@dossiers/platform';
import { GetVisibleFoldersQuery } from './get-visible-folders.query';
import { VisibleFolders } from '../../responses/folder.responses';
import { AsOfDto, historyPointOf } from '../../time-travel/as-of.dto';
import { asOf } from '../../time-travel/time-travel.query';

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
    @Query() dto: AsOfDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queryBus.execute(
      asOf(historyPointOf(dto), new GetVisibleFoldersQuery(principal, id, principalId)),
    );
  }
}
