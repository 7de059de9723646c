import { Controller, Delete, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { DeleteClientCommand } from './delete-client.command';

@ApiTags('clients')
@CommandController()
@Controller('clients')
export class DeleteClientController {
  constructor(private readonly commandBus: CommandBus) {}

  /** 200 with {id, revision, position}, like every command, so the caller can read its own delete. */
  @Delete(':id')
  @ApiOkResponse({ type: CommandResponse })
  async delete(@Param('id', new ResourceIdPipe('client')) id: string, @Ctx() context: CommandContext) {
    return commandResponse(id, await this.commandBus.execute(new DeleteClientCommand(id, context)));
  }
}
