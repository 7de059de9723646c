import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal } from '@dossiers/platform';
import { ClientSheetQueries } from './client-sheet-queries';
import {
  ClientCollaboratorsTab,
  ClientConnectorsTab,
  ClientContactsTab,
  ClientFormsTab,
} from '../../responses/client.responses';

/** The client sheet's tabs: contacts, collaborators, connectors, forms sent. */
@ApiTags('client sheet')
@QueryController()
@Controller('clients')
export class ClientSheetController {
  constructor(private readonly queries: ClientSheetQueries) {}

  @Get(':id/contacts')
  @ApiOkResponse({ type: ClientContactsTab })
  contacts(@Param('id', new ResourceIdPipe('client')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.contacts(principal, id);
  }

  @Get(':id/collaborators')
  @ApiOkResponse({ type: ClientCollaboratorsTab })
  collaborators(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queries.collaborators(principal, id);
  }

  @Get(':id/connectors')
  @ApiOkResponse({ type: ClientConnectorsTab })
  connectors(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queries.connectors(principal, id);
  }

  @Get(':id/forms')
  @ApiOkResponse({ type: ClientFormsTab })
  forms(@Param('id', new ResourceIdPipe('client')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.forms(principal, id);
  }
}
