import { Controller, Delete, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, ResourceIdPipe } from '@dossiers/platform';
import { actorOf, ClientCommandRunner } from '../../clients/client-command-runner';
import { FILE_WRITER_ROLES } from '../file-roles';
import { FileCommandResponse } from '../../command-responses';

/**
 * Removes a file from its folder (needs full access). Its contents stay in the blob store: the
 * history still names them, and an auditor may need them.
 */
@ApiTags('files')
@CommandController(FILE_WRITER_ROLES)
@Controller('clients')
export class DeleteFileController {
  constructor(private readonly runner: ClientCommandRunner) {}

  @Delete(':id/files/:fileId')
  @ApiOkResponse({ type: FileCommandResponse, description: '`id` is the file' })
  async delete(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('fileId', new ResourceIdPipe('file')) fileId: string,
    @Ctx() context: CommandContext,
  ) {
    const result = await this.runner.runChecked(
      id,
      { type: 'DeleteFile', clientId: id, fileId, actor: actorOf(context) },
      context,
    );
    return { ...commandResponse(fileId, result), clientId: id };
  }
}
