import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal } from '@dossiers/platform';
import { ReminderCampaignDetails } from '../../responses/reminder-campaign.responses';
import { CAMPAIGN_READERS } from '../reminder-campaign-reads';
import { GetReminderCampaignQuery } from './get-reminder-campaign.query';

@ApiTags('reminder campaigns')
@QueryController([...CAMPAIGN_READERS])
@Controller('reminder-campaigns')
export class GetReminderCampaignController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id')
  @ApiOkResponse({ type: ReminderCampaignDetails })
  get(
    @Param('id', new ResourceIdPipe('reminder campaign')) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queryBus.execute(new GetReminderCampaignQuery(principal, id));
  }
}
