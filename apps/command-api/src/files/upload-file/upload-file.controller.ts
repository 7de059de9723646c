import { Controller, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { CommandContext } from '@dossiers/application';
import type { ClientCommand } from '@dossiers/domain';
import type { FileContent } from '@dossiers/events';
import {
  Ctx,
  CommandController,
  commandResponse,
  FileUpload,
  NewId,
  ResourceIdPipe,
} from '@dossiers/platform';
import { actorOf, ClientCommandRunner } from '../../clients/client-command-runner';
import { FileContentWriter } from '../file-content-writer';
import { FILE_WRITER_ROLES } from '../file-roles';
import { FileCommandResponse } from '../../command-responses';

/**
 * Publishes a file into a folder (needs full access on it): multipart/form-data with one part
 * `file`, streamed to the blob store, never held in memory; 413 past MAX_UPLOAD_MB. Answers the
 * new file's id as `id`, and the client's revision.
 */
@ApiTags('files')
@CommandController(FILE_WRITER_ROLES)
@Controller('clients')
export class UploadFileController {
  constructor(
    private readonly writer: FileContentWriter,
    private readonly runner: ClientCommandRunner,
  ) {}

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
    const command = (content: FileContent, name = 'pending'): ClientCommand => ({
      type: 'UploadFile',
      clientId: id,
      fileId,
      folderId,
      name,
      content,
      actor: actorOf(context),
    });
    await this.writer.precheck(id, context, command);
    const result = await this.writer.store(id, request, context, (content, name) =>
      this.runner.runChecked(id, command(content, name), context),
    );
    return { ...commandResponse(fileId, result), clientId: id };
  }
}
