import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal } from '@dossiers/platform';
import { ClientSheetQueries } from './client-sheet-queries';

/** The client sheet's tabs: contacts, collaborators, connectors, forms sent. */
@ApiTags('client sheet')
@QueryController()
@Controller('clients')
export class ClientSheetController {
  constructor(private readonly queries: ClientSheetQueries) {}

  @Get(':id/contacts')
  contacts(@Param('id', new ResourceIdPipe('client')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.contacts(principal, id);
  }

  @Get(':id/collaborators')
  collaborators(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queries.collaborators(principal, id);
  }

  @Get(':id/connectors')
  connectors(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queries.connectors(principal, id);
  }

  @Get(':id/forms')
  forms(@Param('id', new ResourceIdPipe('client')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.forms(principal, id);
  }
}
