import { Controller, Delete, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { RemoveConnectorCommand } from './remove-connector.command';

/** Disables a connector for the client; its stored secrets go with it. */
@ApiTags('client sheet')
@CommandController()
@Controller('clients')
export class RemoveConnectorController {
  constructor(private readonly commandBus: CommandBus) {}

  @Delete(':id/connectors/:connectorId')
  @ApiOkResponse({ type: CommandResponse })
  async remove(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('connectorId') connectorId: string,
    @Ctx() context: CommandContext,
  ) {
    const command = new RemoveConnectorCommand(id, connectorId, context);
    return commandResponse(id, await this.commandBus.execute(command));
  }
}
