import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal } from '@dossiers/platform';
import { ListClientCollaboratorsQuery } from './list-client-collaborators.query';
import { ClientCollaboratorsTab } from '../../../responses/client.responses';

@ApiTags('client sheet')
@QueryController()
@Controller('clients')
export class ListClientCollaboratorsController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The sheet's collaborators tab: the assignments, with the directory's names. */
  @Get(':id/collaborators')
  @ApiOkResponse({ type: ClientCollaboratorsTab })
  list(@Param('id', new ResourceIdPipe('client')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ListClientCollaboratorsQuery(principal, id));
  }
}
