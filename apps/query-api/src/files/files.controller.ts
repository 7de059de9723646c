import { randomUUID } from 'node:crypto';
import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clientDownloadsStreamId, NotFoundError } from '@dossiers/domain';
import { CURRENT_SCHEMA_VERSION, type FileDownloaded } from '@dossiers/events';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { BLOB_STORE, type BlobStore } from '@dossiers/blob-store';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { CLIENT_FILES_COLLECTION, clientFileId, type ClientFileDoc } from '@dossiers/read-models';
import {
  ApiErrorResponses,
  CurrentPrincipal,
  decideRange,
  QueryController,
  ResourceIdPipe,
  sendBlob,
  ToInteger,
  STAFF_READER_ROLES,
  type Principal,
  Optional,
} from '@dossiers/platform';
import { ClientAccess, type ClientView } from '../access/client-access';
import { FileItem, FileList } from '../responses/file.responses';

export class DownloadFileQuery {
  @ApiPropertyOptional({ minimum: 1, description: 'an earlier version; default the current one' })
  @Optional()
  @ToInteger()
  @IsInt()
  @Min(1)
  version?: number;
}

const fileItem = (f: ClientFileDoc) => ({
  id: f.fileId,
  folderId: f.folderId,
  name: f.name,
  format: f.format,
  size: f.size,
  sha256: f.sha256,
  contentType: f.contentType,
  version: f.version,
  createdBy: f.createdBy,
  createdAt: f.createdAt,
  updatedBy: f.updatedBy,
  updatedAt: f.updatedAt,
  versions: f.versions.map(({ blobId: _blobId, ...version }) => version),
});

/** The files of a client's folders, for whoever can read the folder; downloads are recorded. */
@ApiTags('files')
@QueryController([...STAFF_READER_ROLES, 'contact'])
@Controller('clients')
export class FilesController {
  constructor(
    private readonly access: ClientAccess,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(BLOB_STORE) private readonly blobStore: BlobStore,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  private get files() {
    return this.readStore.collection<ClientFileDoc>(CLIENT_FILES_COLLECTION);
  }

  /** The files of one folder, by name (needs read access on it). */
  @Get(':id/folders/:folderId/files')
  @ApiOkResponse({ type: FileList })
  async list(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('folderId', new ResourceIdPipe('folder')) folderId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    const view = await this.access.view(principal, id);
    await this.access.folder(view, folderId);
    const files = await this.files.find(
      { clientId: id, folderId },
      {
        sort: [
          ['nameSort', 1],
          ['fileId', 1],
        ],
      },
    );
    return { items: files.map(fileItem), total: files.length };
  }

  /** One file's details and versions. */
  @Get(':id/files/:fileId')
  @ApiOkResponse({ type: FileItem })
  async get(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('fileId', new ResourceIdPipe('file')) fileId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return fileItem(await this.visibleFile(await this.access.view(principal, id), fileId));
  }

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
    @Query() query: DownloadFileQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.visibleFile(await this.access.view(principal, id), fileId);
    const version = file.versions.find((v) => v.version === (query.version ?? file.version));
    if (!version) throw new NotFoundError('file version', `${fileId}@${query.version}`);
    const range = decideRange(request.headers.range, version.size);
    // Only a response that sends content is a download: not HEAD (headers only), nor a 416.
    if (request.method === 'GET' && range.kind !== 'unsatisfiable') {
      await this.recordDownload(principal, request, {
        clientId: id,
        fileId,
        version: version.version,
        range: range.kind === 'partial' ? { start: range.start, end: range.end } : null,
      });
    }
    await sendBlob(
      reply,
      request,
      { size: version.size, open: (r) => this.blobStore.read(version.blobId, r) },
      { fileName: file.name, contentType: version.contentType, etag: version.sha256 },
    );
  }

  /** A file in a folder the caller cannot read does not exist for them. */
  private async visibleFile(view: ClientView, fileId: string): Promise<ClientFileDoc> {
    const file = await this.files.findById(clientFileId(view.clientId, fileId));
    if (!file) throw new NotFoundError('file', fileId);
    await this.access.folder(view, file.folderId).catch((error: unknown) => {
      throw error instanceof NotFoundError ? new NotFoundError('file', fileId) : error;
    });
    return file;
  }

  /**
   * Appended to the client's downloads stream, not its own: recording a download decides
   * nothing, so it takes no expected revision and never moves the client's ETag.
   */
  private async recordDownload(principal: Principal, request: FastifyRequest, data: FileDownloaded['data']) {
    const streamId = clientDownloadsStreamId(data.clientId);
    await this.eventStore.append(
      streamId,
      [
        {
          id: randomUUID(),
          type: 'FileDownloaded',
          schemaVersion: CURRENT_SCHEMA_VERSION.FileDownloaded,
          data,
          metadata: {
            tenant: principal.tenant,
            actor: principal.sub,
            correlationId: request.id,
            causationId: null,
            occurredAt: new Date().toISOString(),
          },
        },
      ],
      'any',
    );
  }
}
