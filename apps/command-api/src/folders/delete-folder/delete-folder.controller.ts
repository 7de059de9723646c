import { Controller, Delete, Param, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { DeleteFolderQuery } from './delete-folder.dto';
import { DeleteFolderCommand } from './delete-folder.command';

@ApiTags('folders')
@CommandController()
@Controller('clients')
export class DeleteFolderController {
  constructor(private readonly commandBus: CommandBus) {}

  @Delete(':id/folders/:folderId')
  @ApiOkResponse({ type: CommandResponse })
  async delete(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('folderId', new ResourceIdPipe('folder')) folderId: string,
    @Query() query: DeleteFolderQuery,
    @Ctx() context: CommandContext,
  ) {
    const command = new DeleteFolderCommand(id, folderId, query.recursive === 'true', context);
    return commandResponse(id, await this.commandBus.execute(command));
  }
}
