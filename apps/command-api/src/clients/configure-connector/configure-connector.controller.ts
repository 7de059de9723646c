import { Body, Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { Transform } from 'class-transformer';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { ConfigureConnectorCommand } from './configure-connector.command';

export class ConfigureConnectorDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description:
      'checked against GET /connectors/:id; secret settings are write-only and may be left out to keep them',
    example: { companyId: '12345', apiToken: 'secret' },
  })
  @Allow()
  @Transform(({ obj }) => (obj as { settings?: unknown }).settings)
  settings?: unknown;
}

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
