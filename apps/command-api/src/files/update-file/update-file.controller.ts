import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, ResourceIdPipe } from '@dossiers/platform';
import { FILE_WRITER_ROLES } from '../file-roles';
import { FileCommandResponse } from '../../command-responses';
import { UpdateFileDto } from './update-file.dto';
import { UpdateFileCommand } from './update-file.command';

@ApiTags('files')
@CommandController(FILE_WRITER_ROLES)
@Controller('clients')
export class UpdateFileController {
  constructor(private readonly commandBus: CommandBus) {}

  @Patch(':id/files/:fileId')
  @ApiOkResponse({ type: FileCommandResponse, description: '`id` is the file' })
  async update(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('fileId', new ResourceIdPipe('file')) fileId: string,
    @Body() dto: UpdateFileDto,
    @Ctx() context: CommandContext,
  ) {
    const result = await this.commandBus.execute(new UpdateFileCommand(id, fileId, dto, context));
    return { ...commandResponse(fileId, result), clientId: id };
  }
}
