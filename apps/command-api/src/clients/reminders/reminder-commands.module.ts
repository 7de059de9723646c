import { Module } from '@nestjs/common';
import { DirectoryCommandsModule } from '../../directory/directory-commands.module';
import { FolderCommandsModule } from '../../folders/folder-commands.module';
import { TenantSettingsLookup } from '../../settings/tenant-settings-lookup';
import { TemplateCommandsModule } from '../../templates/template-commands.module';
import { ReminderSteps } from './reminder-steps';
import { ScheduleReminderController } from './schedule-reminder/schedule-reminder.controller';
import { ScheduleReminderHandler } from './schedule-reminder/schedule-reminder.handler';
import { ChangeReminderController } from './change-reminder/change-reminder.controller';
import { ChangeReminderHandler } from './change-reminder/change-reminder.handler';
import { CancelReminderController } from './cancel-reminder/cancel-reminder.controller';
import { CancelReminderHandler } from './cancel-reminder/cancel-reminder.handler';
import { SendReminderNowController } from './send-reminder-now/send-reminder-now.controller';
import { SendReminderNowHandler } from './send-reminder-now/send-reminder-now.handler';
import { LaunchReminderCampaignController } from './launch-reminder-campaign/launch-reminder-campaign.controller';
import { LaunchReminderCampaignHandler } from './launch-reminder-campaign/launch-reminder-campaign.handler';
import { SendReminderOccurrenceHandler } from './send-reminder-occurrence/send-reminder-occurrence.handler';

/**
 * The client sheet's "Rappels" tab, and the command the reminder schedulers run when an occurrence
 * falls due (SendReminderOccurrence, on the CommandBus only: no HTTP route).
 */
@Module({
  imports: [DirectoryCommandsModule, TemplateCommandsModule, FolderCommandsModule],
  controllers: [
    ScheduleReminderController,
    ChangeReminderController,
    CancelReminderController,
    SendReminderNowController,
    LaunchReminderCampaignController,
  ],
  providers: [
    ReminderSteps,
    TenantSettingsLookup,
    ScheduleReminderHandler,
    ChangeReminderHandler,
    CancelReminderHandler,
    SendReminderNowHandler,
    SendReminderOccurrenceHandler,
    LaunchReminderCampaignHandler,
  ],
})
export class ReminderCommandsModule {}
