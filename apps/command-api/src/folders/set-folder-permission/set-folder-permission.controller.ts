import { Body, Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { SetFolderPermissionDto } from './set-folder-permission.dto';
import { SetFolderPermissionCommand } from './set-folder-permission.command';

@ApiTags('permissions')
@CommandController()
@Controller('clients')
export class SetFolderPermissionController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put(':id/folders/:folderId/permissions/:principalId')
  @ApiOkResponse({ type: CommandResponse })
  async set(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('folderId', new ResourceIdPipe('folder')) folderId: string,
    @Param('principalId', new ResourceIdPipe('principal')) principalId: string,
    @Body() dto: SetFolderPermissionDto,
    @Ctx() context: CommandContext,
  ) {
    const command = new SetFolderPermissionCommand(id, folderId, principalId, dto.right, context);
    return commandResponse(id, await this.commandBus.execute(command));
  }
}
