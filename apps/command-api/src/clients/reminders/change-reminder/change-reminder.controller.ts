import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { ChangeReminderDto } from './change-reminder.dto';
import { ChangeReminderCommand } from './change-reminder.command';

@ApiTags('client sheet')
@CommandController()
@Controller('clients')
export class ChangeReminderController {
  constructor(private readonly commandBus: CommandBus) {}

  @Patch(':id/reminders/:reminderId')
  @ApiOkResponse({ type: CommandResponse })
  async change(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('reminderId', new ResourceIdPipe('reminder')) reminderId: string,
    @Body() dto: ChangeReminderDto,
    @Ctx() context: CommandContext,
  ) {
    return commandResponse(
      id,
      await this.commandBus.execute(new ChangeReminderCommand(id, reminderId, dto, context)),
    );
  }
}
