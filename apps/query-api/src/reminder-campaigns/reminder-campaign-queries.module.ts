import { Module } from '@nestjs/common';
import { GetReminderCampaignController } from './get-reminder-campaign/get-reminder-campaign.controller';
import { GetReminderCampaignHandler } from './get-reminder-campaign/get-reminder-campaign.handler';
import { ListReminderCampaignsController } from './list-reminder-campaigns/list-reminder-campaigns.controller';
import { ListReminderCampaignsHandler } from './list-reminder-campaigns/list-reminder-campaigns.handler';

/** The firm's reminder campaigns (the reminders themselves show on each client's "Rappels" tab). */
@Module({
  controllers: [ListReminderCampaignsController, GetReminderCampaignController],
  providers: [ListReminderCampaignsHandler, GetReminderCampaignHandler],
})
export class ReminderCampaignQueriesModule {}
