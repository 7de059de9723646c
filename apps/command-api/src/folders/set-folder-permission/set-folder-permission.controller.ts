import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { CommandContext } from '@dossiers/application';
import { FOLDER_RIGHTS, type FolderRight } from '@dossiers/events';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { actorOf, ClientCommandRunner } from '../../clients/client-command-runner';

export class SetFolderPermissionDto {
  @ApiProperty({
    enum: FOLDER_RIGHTS,
    description: 'none, read (consult + download), full (+ publish + modify), or inherit the parent folder',
  })
  @IsIn(FOLDER_RIGHTS)
  right!: FolderRight;
}

/** SetFolderPermission: the right of one principal (a contact of the client or an assigned collaborator) on one folder. */
@ApiTags('permissions')
@CommandController()
@Controller('clients')
export class SetFolderPermissionController {
  constructor(private readonly runner: ClientCommandRunner) {}

  @Put(':id/folders/:folderId/permissions/:principalId')
  @ApiOkResponse({ type: CommandResponse })
  async set(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('folderId', new ResourceIdPipe('folder')) folderId: string,
    @Param('principalId', new ResourceIdPipe('principal')) principalId: string,
    @Body() dto: SetFolderPermissionDto,
    @Ctx() context: CommandContext,
  ) {
    const result = await this.runner.runChecked(
      id,
      {
        type: 'SetFolderPermission',
        clientId: id,
        folderId,
        principalId,
        right: dto.right,
        actor: actorOf(context),
      },
      context,
    );
    return commandResponse(id, result);
  }
}
