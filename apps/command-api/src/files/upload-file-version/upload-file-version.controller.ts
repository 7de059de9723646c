import { Controller, Param, Put, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { ClientCommand } from '@dossiers/domain';
import type { FileContent } from '@dossiers/events';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, FileUpload, ResourceIdPipe } from '@dossiers/platform';
import { actorOf, ClientCommandRunner } from '../../clients/client-command-runner';
import { FileContentWriter } from '../file-content-writer';
import { FILE_WRITER_ROLES } from '../file-roles';
import { FileCommandResponse } from '../../command-responses';

/** A new version of a file's content (needs full access on its folder); the earlier versions stay. */
@ApiTags('files')
@CommandController(FILE_WRITER_ROLES)
@Controller('clients')
export class UploadFileVersionController {
  constructor(
    private readonly writer: FileContentWriter,
    private readonly runner: ClientCommandRunner,
  ) {}

  @Put(':id/files/:fileId/content')
  @FileUpload()
  @ApiOkResponse({ type: FileCommandResponse, description: '`id` is the file' })
  async upload(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('fileId', new ResourceIdPipe('file')) fileId: string,
    @Req() request: FastifyRequest,
    @Ctx() context: CommandContext,
  ) {
    const command = (content: FileContent): ClientCommand => ({
      type: 'UploadFileVersion',
      clientId: id,
      fileId,
      content,
      actor: actorOf(context),
    });
    await this.writer.precheck(id, context, command);
    const result = await this.writer.store(id, request, context, (content) =>
      this.runner.runChecked(id, command(content), context),
    );
    return { ...commandResponse(fileId, result), clientId: id };
  }
}
