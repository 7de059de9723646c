import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, type Principal, ROLES } from '@dossiers/platform';
import { ListClientsDto } from './list-clients.dto';
import { ListClientsQuery } from './list-clients.query';
import { ClientPage } from '../../responses/client.responses';

@ApiTags('clients')
/** Staff see the firm's client base; a collaborator or a contact, the clients they may see. */
@QueryController([...ROLES])
@Controller('clients')
export class ListClientsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: ClientPage })
  list(@Query() dto: ListClientsDto, @CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ListClientsQuery(principal, dto));
  }
}
