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
import { ListDownloadsQuery } from './list-downloads.query';
import { ClientDownloadsPage } from '../../responses/client.responses';

/** For the firm's administrators, auditors and services only: downloads name every file. */
@ApiTags('clients')
@QueryController([...FIRM_WIDE_ROLES])
@Controller('clients')
export class ListDownloadsController {
  constructor(private readonly queryBus: QueryBus) {}

  /** FileDownloaded events: who downloaded which file version, when, which range. */
  @Get(':id/downloads')
  @ApiOkResponse({ type: ClientDownloadsPage })
  downloads(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Query() dto: EventPageDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queryBus.execute(new ListDownloadsQuery(principal, id, dto));
  }
}
