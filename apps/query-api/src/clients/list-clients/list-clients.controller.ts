import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, STAFF_READER_ROLES, type Principal } from '@dossiers/platform';
import { ClientQueries } from '../client-queries';
import { ListClientsQuery } from './list-clients.dto';

@ApiTags('clients')
/** Staff see the firm's client base; a collaborator or a contact, the clients they may see. */
@QueryController([...STAFF_READER_ROLES, 'contact'])
@Controller('clients')
export class ListClientsController {
  constructor(private readonly queries: ClientQueries) {}

  @Get()
  list(@Query() query: ListClientsQuery, @CurrentPrincipal() principal: Principal) {
    return this.queries.list(principal, query);
  }
}
