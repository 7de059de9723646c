import { Body, Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { ConfigureConnectorDto } from './configure-connector.dto';
import { ConfigureConnectorCommand } from './configure-connector.command';

/** Enables a connector for the client, or changes its settings. */
@ApiTags('client sheet')
@CommandController()
@Controller('clients')
export class ConfigureConnectorController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put(':id/connectors/:connectorId')
  @ApiOkResponse({ type: CommandResponse })
  async configure(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('connectorId') connectorId: string,
    @Body() dto: ConfigureConnectorDto,
    @Ctx() context: CommandContext,
  ) {
    const command = new ConfigureConnectorCommand(id, connectorId, dto.settings, context);
    return commandResponse(id, await this.commandBus.execute(command));
  }
}
