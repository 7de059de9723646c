import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, NewId, ResourceIdPipe } from '@dossiers/platform';
import { FolderCreatedResponse } from '../../command-responses';
import { CreateFolderDto } from './create-folder.dto';
import { CreateFolderCommand } from './create-folder.command';

/** Answers the new folder's id as `folderId` (`id` is the client). */
@ApiTags('folders')
@CommandController()
@Controller('clients')
export class CreateFolderController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/folders')
  @ApiCreatedResponse({ type: FolderCreatedResponse })
  async create(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Body() dto: CreateFolderDto,
    @NewId('folder') folderId: string,
    @Ctx() context: CommandContext,
  ) {
    const command = new CreateFolderCommand(id, folderId, dto.parentId ?? null, dto.name, context);
    return { ...commandResponse(id, await this.commandBus.execute(command)), folderId };
  }
}
