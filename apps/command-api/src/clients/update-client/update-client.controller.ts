import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { UpdateClientDto } from './update-client.dto';
import { UpdateClientCommand } from './update-client.command';

@ApiTags('clients')
@CommandController()
@Controller('clients')
export class UpdateClientController {
  constructor(private readonly commandBus: CommandBus) {}

  @Patch(':id')
  @ApiOkResponse({ type: CommandResponse })
  async update(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Body() dto: UpdateClientDto,
    @Ctx() context: CommandContext,
  ) {
    return commandResponse(id, await this.commandBus.execute(new UpdateClientCommand(id, dto, context)));
  }
}
