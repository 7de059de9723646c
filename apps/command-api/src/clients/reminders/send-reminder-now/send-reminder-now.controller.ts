import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { SendReminderNowCommand } from './send-reminder-now.command';

@ApiTags('client sheet')
@CommandController()
@Controller('clients')
export class SendReminderNowController {
  constructor(private readonly commandBus: CommandBus) {}

  /** An extra occurrence now, to the reminder's recipients attached now (422 when none is). */
  @Post(':id/reminders/:reminderId/send-now')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponse })
  async sendNow(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('reminderId', new ResourceIdPipe('reminder')) reminderId: string,
    @Ctx() context: CommandContext,
  ) {
    return commandResponse(
      id,
      await this.commandBus.execute(new SendReminderNowCommand(id, reminderId, context)),
    );
  }
}
