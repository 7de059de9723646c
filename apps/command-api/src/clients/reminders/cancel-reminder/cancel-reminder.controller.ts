import { Controller, Delete, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { CancelReminderCommand } from './cancel-reminder.command';

@ApiTags('client sheet')
@CommandController()
@Controller('clients')
export class CancelReminderController {
  constructor(private readonly commandBus: CommandBus) {}

  /** Cancels the reminder; the history of its occurrences stays. */
  @Delete(':id/reminders/:reminderId')
  @ApiOkResponse({ type: CommandResponse })
  async cancel(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('reminderId', new ResourceIdPipe('reminder')) reminderId: string,
    @Ctx() context: CommandContext,
  ) {
    return commandResponse(
      id,
      await this.commandBus.execute(new CancelReminderCommand(id, reminderId, context)),
    );
  }
}
