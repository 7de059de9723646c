import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal } from '@dossiers/platform';
import { ListClientContactsQuery } from './list-client-contacts.query';
import { ClientContactsTab } from '../../../responses/client.responses';

@ApiTags('client sheet')
@QueryController()
@Controller('clients')
export class ListClientContactsController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The sheet's contacts tab: the contacts with name, email, language of this client's emails, activation. */
  @Get(':id/contacts')
  @ApiOkResponse({ type: ClientContactsTab })
  list(@Param('id', new ResourceIdPipe('client')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ListClientContactsQuery(principal, id));
  }
}
