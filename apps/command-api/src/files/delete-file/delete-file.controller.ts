import { Controller, Delete, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, ResourceIdPipe } from '@dossiers/platform';
import { FILE_WRITER_ROLES } from '../file-roles';
import { FileCommandResponse } from '../../command-responses';
import { DeleteFileCommand } from './delete-file.command';

@ApiTags('files')
@CommandController(FILE_WRITER_ROLES)
@Controller('clients')
export class DeleteFileController {
  constructor(private readonly commandBus: CommandBus) {}

  @Delete(':id/files/:fileId')
  @ApiOkResponse({ type: FileCommandResponse, description: '`id` is the file' })
  async delete(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('fileId', new ResourceIdPipe('file')) fileId: string,
    @Ctx() context: CommandContext,
  ) {
    const result = await this.commandBus.execute(new DeleteFileCommand(id, fileId, context));
    return { ...commandResponse(fileId, result), clientId: id };
  }
}
