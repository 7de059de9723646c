import { Controller, Delete, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { ClientCommandRunner } from '../client-command-runner';

/** Disables a connector for the client; its stored secrets go with it. */
@ApiTags('client sheet')
@CommandController()
@Controller('clients')
export class RemoveConnectorController {
  constructor(private readonly runner: ClientCommandRunner) {}

  @Delete(':id/connectors/:connectorId')
  @ApiOkResponse({ type: CommandResponse })
  async remove(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('connectorId') connectorId: string,
    @Ctx() context: CommandContext,
  ) {
    const result = await this.runner.run(id, { type: 'RemoveConnector', clientId: id, connectorId }, context);
    return commandResponse(id, result);
  }
}
