import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { sanitizeFileName } from '@dossiers/domain';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, ResourceIdPipe, Optional } from '@dossiers/platform';
import { actorOf, ClientCommandRunner } from '../../clients/client-command-runner';
import { FILE_WRITER_ROLES } from '../file-roles';
import { FileCommandResponse } from '../../command-responses';

export class UpdateFileDto {
  @ApiPropertyOptional({ description: "a new name: no '/', '\\\\', control characters, 1-200 characters" })
  @Optional()
  @IsString()
  @MaxLength(1000)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'move to this folder (full access on both folders)' })
  @Optional()
  @IsUUID()
  folderId?: string;
}

/** Rename and/or move a file. */
@ApiTags('files')
@CommandController(FILE_WRITER_ROLES)
@Controller('clients')
export class UpdateFileController {
  constructor(private readonly runner: ClientCommandRunner) {}

  @Patch(':id/files/:fileId')
  @ApiOkResponse({ type: FileCommandResponse, description: '`id` is the file' })
  async update(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('fileId', new ResourceIdPipe('file')) fileId: string,
    @Body() dto: UpdateFileDto,
    @Ctx() context: CommandContext,
  ) {
    const name = dto.name === undefined ? undefined : sanitizeFileName(dto.name, 'name');
    const result = await this.runner.runChecked(
      id,
      { type: 'UpdateFile', clientId: id, fileId, name, folderId: dto.folderId, actor: actorOf(context) },
      context,
    );
    return { ...commandResponse(fileId, result), clientId: id };
  }
}
