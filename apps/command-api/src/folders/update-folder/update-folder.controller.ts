import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
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

export class UpdateFolderDto {
  @ApiPropertyOptional({ description: 'a new name' })
  @Optional()
  @IsString()
  @MaxLength(1000)
  name?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'a new parent; null moves it to the root',
  })
  @Optional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  parentId?: string | null;
}

/** Rename and/or move (never into itself or below it); inherited rights then follow the new parent. */
@ApiTags('folders')
@CommandController()
@Controller('clients')
export class UpdateFolderController {
  constructor(private readonly runner: ClientCommandRunner) {}

  @Patch(':id/folders/:folderId')
  @ApiOkResponse({ type: CommandResponse })
  async update(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('folderId', new ResourceIdPipe('folder')) folderId: string,
    @Body() dto: UpdateFolderDto,
    @Ctx() context: CommandContext,
  ) {
    const result = await this.runner.runChecked(
      id,
      {
        type: 'UpdateFolder',
        clientId: id,
        folderId,
        name: dto.name,
        parentId: dto.parentId,
        actor: actorOf(context),
      },
      context,
    );
    return commandResponse(id, result);
  }
}
