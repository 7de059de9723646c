import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, ResourceIdPipe } from '@dossiers/platform';
import { ReminderScheduledResponse } from '../../../command-responses';
import { ScheduleReminderDto } from './schedule-reminder.dto';
import { ScheduleReminderCommand } from './schedule-reminder.command';

/** The "Rappels" tab: schedules a reminder template, customised, for the client's contacts. */
@ApiTags('client sheet')
@CommandController()
@Controller('clients')
export class ScheduleReminderController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/reminders')
  @ApiCreatedResponse({ type: ReminderScheduledResponse })
  async schedule(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Body() dto: ScheduleReminderDto,
    @Ctx() context: CommandContext,
  ) {
    const { reminderId, ...result } = await this.commandBus.execute(
      new ScheduleReminderCommand(id, dto, context),
    );
    return { ...commandResponse(id, result), reminderId };
  }
}
