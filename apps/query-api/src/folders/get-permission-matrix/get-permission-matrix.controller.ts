import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal, ROLES } from '@dossiers/platform';
import { GetPermissionMatrixQuery } from './get-permission-matrix.query';
import { PermissionMatrix } from '../../responses/folder.responses';

/** Contacts may ask (and get 403 once the client is known to exist for them): see ClientAccess. */
@ApiTags('folders')
@QueryController([...ROLES])
@Controller('clients')
export class GetPermissionMatrixController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The permissions matrix: folders × principals -> {explicit, effective}. */
  @Get(':id/permissions')
  @ApiOkResponse({ type: PermissionMatrix })
  matrix(@Param('id', new ResourceIdPipe('client')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new GetPermissionMatrixQuery(principal, id));
  }
}
