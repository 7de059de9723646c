import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { CascadePermissionsDto } from './cascade-permissions.dto';
import { CascadePermissionsCommand } from './cascade-permissions.command';

@ApiTags('permissions')
@CommandController()
@Controller('clients')
export class CascadePermissionsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/folders/:folderId/permissions/cascade')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponse })
  async cascade(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('folderId', new ResourceIdPipe('folder')) folderId: string,
    @Body() dto: CascadePermissionsDto,
    @Ctx() context: CommandContext,
  ) {
    const command = new CascadePermissionsCommand(id, folderId, dto.principalIds, context);
    return commandResponse(id, await this.commandBus.execute(command));
  }
}
