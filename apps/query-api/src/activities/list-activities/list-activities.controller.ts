import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { FirmActivityPage } from '../../responses/activity.responses';
import { ListActivitiesDto } from './list-activities.dto';
import { ListActivitiesQuery } from './list-activities.query';

/** The auditors' log: every activity of the firm, without the clients' cap, for admins and auditors. */
@ApiTags('activities')
@QueryController(['admin', 'auditor'])
@Controller('activities')
export class ListActivitiesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'The firm-wide activity log',
    description:
      'Every activity ever recorded in the firm (no cap, no time window), newest first, with the ' +
      "client log's filters plus `clientId`, paged by cursor. It answers no `total`: counting a log " +
      'of millions of entries on each page would cost far more than the page.',
  })
  @ApiOkResponse({ type: FirmActivityPage })
  list(@Query() dto: ListActivitiesDto, @CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ListActivitiesQuery(principal, dto));
  }
}
