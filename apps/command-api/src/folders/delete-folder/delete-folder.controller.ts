import { Controller, Delete, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { CommandContext } from '@dossiers/application';
import {
  Ctx,
  CommandController,
  commandResponse,
  CommandResponse,
  ResourceIdPipe,
  Optional,
} from '@dossiers/platform';
import { actorOf, ClientCommandRunner } from '../../clients/client-command-runner';

export class DeleteFolderQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'also delete its subfolders and every file in them',
  })
  @Optional()
  @IsIn(['true', 'false'])
  recursive?: 'true' | 'false';
}

/** Only an empty folder (422 FOLDER_NOT_EMPTY otherwise), unless `?recursive=true`. */
@ApiTags('folders')
@CommandController()
@Controller('clients')
export class DeleteFolderController {
  constructor(private readonly runner: ClientCommandRunner) {}

  @Delete(':id/folders/:folderId')
  @ApiOkResponse({ type: CommandResponse })
  async delete(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('folderId', new ResourceIdPipe('folder')) folderId: string,
    @Query() query: DeleteFolderQuery,
    @Ctx() context: CommandContext,
  ) {
    const recursive = query.recursive === 'true';
    const result = await this.runner.runChecked(
      id,
      { type: 'DeleteFolder', clientId: id, folderId, recursive, actor: actorOf(context) },
      context,
    );
    return commandResponse(id, result);
  }
}
