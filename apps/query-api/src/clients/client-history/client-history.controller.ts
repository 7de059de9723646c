import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CurrentPrincipal,
  QueryController,
  ResourceIdPipe,
  type Principal,
  FIRM_WIDE_ROLES,
} from '@dossiers/platform';
import { EventPageDto } from '../event-page.dto';
import { ClientHistoryQuery } from './client-history.query';
import { ClientHistoryPage } from '../../responses/client.responses';

/**
 * For the firm's administrators, auditors and services only: the history names every folder and
 * file, including those a collaborator's rights hide from them.
 */
@ApiTags('clients')
@QueryController([...FIRM_WIDE_ROLES])
@Controller('clients')
export class ClientHistoryController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/history')
  @ApiOkResponse({ type: ClientHistoryPage })
  history(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Query() dto: EventPageDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queryBus.execute(new ClientHistoryQuery(principal, id, dto));
  }
}
