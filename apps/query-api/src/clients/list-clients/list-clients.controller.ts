import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, STAFF_READER_ROLES, type Principal } from '@dossiers/platform';
import { ClientQueries } from '../client-queries';
import { ListClientsQuery } from './list-clients.dto';
import { ClientPage } from '../../responses/client.responses';

@ApiTags('clients')
/** Staff see the firm's client base; a collaborator or a contact, the clients they may see. */
@QueryController([...STAFF_READER_ROLES, 'contact'])
@Controller('clients')
export class ListClientsController {
  constructor(private readonly queries: ClientQueries) {}

  @Get()
  @ApiOkResponse({ type: ClientPage })
  list(@Query() query: ListClientsQuery, @CurrentPrincipal() principal: Principal) {
    return this.queries.list(principal, query);
  }
}
