import { Controller, Param, Put, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { CommandContext } from '@dossiers/application';
import {
  Ctx,
  CommandController,
  commandResponse,
  FileUpload,
  receiveSingleFile,
  ResourceIdPipe,
} from '@dossiers/platform';
import { FILE_WRITER_ROLES } from '../file-roles';
import { FileCommandResponse } from '../../command-responses';
import { UploadFileVersionCommand } from './upload-file-version.command';

/** A new version of a file's content (needs full access on its folder); the earlier versions stay. */
@ApiTags('files')
@CommandController(FILE_WRITER_ROLES)
@Controller('clients')
export class UploadFileVersionController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put(':id/files/:fileId/content')
  @FileUpload()
  @ApiOkResponse({ type: FileCommandResponse, description: '`id` is the file' })
  async upload(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('fileId', new ResourceIdPipe('file')) fileId: string,
    @Req() request: FastifyRequest,
    @Ctx() context: CommandContext,
  ) {
    const receive = (limits: { maxBytes: number }) => receiveSingleFile(request, limits);
    const result = await this.commandBus.execute(new UploadFileVersionCommand(id, fileId, receive, context));
    return { ...commandResponse(fileId, result), clientId: id };
  }
}
