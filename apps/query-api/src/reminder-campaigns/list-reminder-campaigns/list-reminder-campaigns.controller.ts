import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { ReminderCampaignList } from '../../responses/reminder-campaign.responses';
import { CAMPAIGN_READERS } from '../reminder-campaign-reads';
import { ListReminderCampaignsQuery } from './list-reminder-campaigns.query';

@ApiTags('reminder campaigns')
@QueryController([...CAMPAIGN_READERS])
@Controller('reminder-campaigns')
export class ListReminderCampaignsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: ReminderCampaignList })
  list(@CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ListReminderCampaignsQuery(principal));
  }
}
