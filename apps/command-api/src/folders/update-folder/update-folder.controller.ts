import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { UpdateFolderDto } from './update-folder.dto';
import { UpdateFolderCommand } from './update-folder.command';

@ApiTags('folders')
@CommandController()
@Controller('clients')
export class UpdateFolderController {
  constructor(private readonly commandBus: CommandBus) {}

  @Patch(':id/folders/:folderId')
  @ApiOkResponse({ type: CommandResponse })
  async update(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('folderId', new ResourceIdPipe('folder')) folderId: string,
    @Body() dto: UpdateFolderDto,
    @Ctx() context: CommandContext,
  ) {
    return commandResponse(
      id,
      await this.commandBus.execute(new UpdateFolderCommand(id, folderId, dto, context)),
    );
  }
}
