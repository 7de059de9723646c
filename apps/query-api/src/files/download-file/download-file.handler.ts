import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@dossiers/domain';
import { BLOB_STORE, type BlobStore } from '@dossiers/blob-store';
import { rangeToSend } from '@dossiers/platform';
import { ClientAccess } from '../../access/client-access';
import { DownloadFileQuery, type FileContent } from './download-file.query';

/**
 * The version to send, from a folder the caller can read, and the download it makes. Only a
 * response that sends content is a download: not HEAD (headers only), nor an unsatisfiable
 * range (416); a range that is sent is recorded as such.
 */
@QueryHandler(DownloadFileQuery)
export class DownloadFileHandler implements IQueryHandler<DownloadFileQuery> {
  constructor(
    private readonly access: ClientAccess,
    @Inject(BLOB_STORE) private readonly blobStore: BlobStore,
  ) {}

  async execute(query: DownloadFileQuery): Promise<FileContent> {
    const { principal, clientId, fileId } = query;
    const file = await this.access.file(await this.access.view(principal, clientId), fileId);
    const version = file.versions.find((v) => v.version === (query.version ?? file.version));
    if (!version) throw new NotFoundError('file version', `${fileId}@${query.version}`);
    const range = rangeToSend(query.rangeHeaders, version.sha256, version.size);
    const sendsContent = !query.headersOnly && range.kind !== 'unsatisfiable';
    return {
      fileName: file.name,
      contentType: version.contentType,
      sha256: version.sha256,
      size: version.size,
      open: (bytes) => this.blobStore.read(version.blobId, bytes),
      range,
      download: sendsContent
        ? {
            clientId,
            fileId,
            version: version.version,
            range: range.kind === 'partial' ? { start: range.start, end: range.end } : null,
          }
        : null,
    };
  }
}
