import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';
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

export class CascadePermissionsDto {
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', format: 'uuid' },
    description: 'whose rights to copy; default: every principal of the client',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  principalIds?: string[];
}

/**
 * CascadePermissions ("faire cascader les droits"): copies this folder's effective rights onto
 * every folder below it, recorded as one event listing the folders it changed.
 */
@ApiTags('permissions')
@CommandController()
@Controller('clients')
export class CascadePermissionsController {
  constructor(private readonly runner: ClientCommandRunner) {}

  @Post(':id/folders/:folderId/permissions/cascade')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponse })
  async cascade(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('folderId', new ResourceIdPipe('folder')) folderId: string,
    @Body() dto: CascadePermissionsDto,
    @Ctx() context: CommandContext,
  ) {
    const result = await this.runner.runChecked(
      id,
      {
        type: 'CascadePermissions',
        clientId: id,
        folderId,
        principalIds: dto.principalIds,
        actor: actorOf(context),
      },
      context,
    );
    return commandResponse(id, result);
  }
}
