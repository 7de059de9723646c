import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal } from '@dossiers/platform';
import { ListClientConnectorsQuery } from './list-client-connectors.query';
import { ClientConnectorsTab } from '../../../responses/client.responses';

@ApiTags('client sheet')
@QueryController()
@Controller('clients')
export class ListClientConnectorsController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The sheet's connectors tab: the configured connectors; secret settings only named. */
  @Get(':id/connectors')
  @ApiOkResponse({ type: ClientConnectorsTab })
  list(@Param('id', new ResourceIdPipe('client')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ListClientConnectorsQuery(principal, id));
  }
}
