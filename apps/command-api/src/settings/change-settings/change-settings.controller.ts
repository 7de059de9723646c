import { Body, Controller, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse } from '@dossiers/platform';
import { ChangeSettingsDto } from './change-settings.dto';
import { ChangeSettingsCommand } from './change-settings.command';

/** The firm's settings; admins only. Answers the firm id as `id`. */
@ApiTags('settings')
@CommandController(['admin'])
@Controller('settings')
export class ChangeSettingsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put()
  @ApiOkResponse({ type: CommandResponse })
  async change(@Body() dto: ChangeSettingsDto, @Ctx() context: CommandContext) {
    const command = new ChangeSettingsCommand(dto, context);
    return commandResponse(context.tenant, await this.commandBus.execute(command));
  }
}
