import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse } from '@dossiers/platform';
import { ReminderCampaignLaunchedResponse } from '../../../command-responses';
import { LaunchReminderCampaignDto } from './launch-reminder-campaign.dto';
import { LaunchReminderCampaignCommand } from './launch-reminder-campaign.command';

/** The same reminder on every client a target matches; admins and services (it reaches the whole firm). */
@ApiTags('reminder campaigns')
@CommandController(['admin', 'service'])
@Controller('reminder-campaigns')
export class LaunchReminderCampaignController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: ReminderCampaignLaunchedResponse })
  async launch(@Body() dto: LaunchReminderCampaignDto, @Ctx() context: CommandContext) {
    const { campaignId, clients, scheduled, skipped, ...result } = await this.commandBus.execute(
      new LaunchReminderCampaignCommand(dto, context),
    );
    return { ...commandResponse(campaignId, result), clients, scheduled, skipped };
  }
}
