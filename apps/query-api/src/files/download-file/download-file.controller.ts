import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ApiErrorResponses,
  commandContextOf,
  CurrentPrincipal,
  QueryController,
  ResourceIdPipe,
  sendBlob,
  type HttpRequest,
  type Principal,
  ROLES,
} from '@dossiers/platform';
import { RecordDownloadCommand } from '../record-download/record-download.command';
import { DownloadFileDto } from './download-file.dto';
import { DownloadFileQuery } from './download-file.query';

@ApiTags('files')
@QueryController([...ROLES])
@Controller('clients')
export class DownloadFileController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly commandBus: CommandBus,
  ) {}

  /**
   * The content, streamed (Range requests answer 206): the current version, or `?version=`.
   * Each download is recorded as a FileDownloaded event before the bytes go out; HEAD and an
   * unsatisfiable range (416) send none, and record nothing.
   */
  @Get(':id/files/:fileId/content')
  @ApiOkResponse({
    description: "the content, with the file's own content type",
    content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiResponse({
    status: 206,
    description: 'the range asked for (Range: bytes=…), with Content-Range',
    content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrorResponses(416)
  async download(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('fileId', new ResourceIdPipe('file')) fileId: string,
    @Query() dto: DownloadFileDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: HttpRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const content = await this.queryBus.execute(
      new DownloadFileQuery(
        principal,
        id,
        fileId,
        dto.version,
        { range: request.headers.range, 'if-range': request.headers['if-range'] },
        request.method !== 'GET',
      ),
    );
    if (content.download) {
      const { clientId, version, range } = content.download;
      // The request's If-Match, if any, is about the file: the downloads log takes no precondition.
      const context = commandContextOf(request, { preconditions: false });
      await this.commandBus.execute(new RecordDownloadCommand(clientId, fileId, version, range, context));
    }
    await sendBlob(
      reply,
      request,
      { size: content.size, open: content.open },
      { fileName: content.fileName, contentType: content.contentType, etag: content.sha256 },
      content.range,
    );
  }
}
