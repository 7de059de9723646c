import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal } from '@dossiers/platform';
import { ListClientFormsQuery } from './list-client-forms.query';
import { ClientFormsTab } from '../../../responses/client.responses';

@ApiTags('client sheet')
@QueryController()
@Controller('clients')
export class ListClientFormsController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The sheet's forms tab: the forms sent. */
  @Get(':id/forms')
  @ApiOkResponse({ type: ClientFormsTab })
  list(@Param('id', new ResourceIdPipe('client')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ListClientFormsQuery(principal, id));
  }
}
