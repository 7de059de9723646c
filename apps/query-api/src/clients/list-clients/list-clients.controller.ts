import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { ClientQueries } from '../client-queries';
import { ListClientsQuery } from './list-clients.dto';

@ApiTags('clients')
@QueryController()
@Controller('clients')
export class ListClientsController {
  constructor(private readonly queries: ClientQueries) {}

  @Get()
  list(@Query() query: ListClientsQuery, @CurrentPrincipal() principal: Principal) {
    return this.queries.list(principal.tenant, query);
  }
}
