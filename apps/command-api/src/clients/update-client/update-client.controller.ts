import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import {
  Command,
  CommandController,
  commandResponse,
  CommandResponse,
  ResourceIdPipe,
} from '@dossiers/platform';
import { UpdateClientDto } from './update-client.dto';
import { UpdateClientHandler } from './update-client.handler';

@ApiTags('clients')
@CommandController()
@Controller('clients')
export class UpdateClientController {
  constructor(private readonly handler: UpdateClientHandler) {}

  @Patch(':id')
  @ApiOkResponse({ type: CommandResponse })
  async update(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Body() dto: UpdateClientDto,
    @Command() context: CommandContext,
  ) {
    return commandResponse(id, await this.handler.execute(id, dto, context));
  }
}
