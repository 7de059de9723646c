import { Controller, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { CommandContext } from '@dossiers/application';
import {
  Ctx,
  CommandController,
  commandResponse,
  FileUpload,
  NewId,
  receiveSingleFile,
  ResourceIdPipe,
} from '@dossiers/platform';
import { FILE_WRITER_ROLES } from '../file-roles';
import { FileCommandResponse } from '../../command-responses';
import { UploadFileCommand } from './upload-file.command';

/**
 * Publishes a file into a folder (needs full access on it): multipart/form-data with one part
 * `file`, streamed to the blob store, never held in memory; 413 past MAX_UPLOAD_MB. Answers the
 * new file's id as `id`, and the client's revision.
 */
@ApiTags('files')
@CommandController(FILE_WRITER_ROLES)
@Controller('clients')
export class UploadFileController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/folders/:folderId/files')
  @FileUpload()
  @ApiCreatedResponse({ type: FileCommandResponse, description: '`id` is the file' })
  async upload(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('folderId', new ResourceIdPipe('folder')) folderId: string,
    @NewId('file') fileId: string,
    @Req() request: FastifyRequest,
    @Ctx() context: CommandContext,
  ) {
    const receive = (limits: { maxBytes: number }) => receiveSingleFile(request, limits);
    const result = await this.commandBus.execute(
      new UploadFileCommand(id, folderId, fileId, receive, context),
    );
    return { ...commandResponse(fileId, result), clientId: id };
  }
}
