import { Query } from '@nestjs/cqrs';
import type { FileDownloaded } from '@dossiers/events';
import type { Principal, RangeDecision } from '@dossiers/platform';

/** What to send for a download, and what to record of it. */
export interface FileContent {
  fileName: string;
  contentType: string;
  /** the version's content hash, its ETag */
  sha256: string;
  size: number;
  /** the version's bytes [start, end] inclusive, or all of them */
  open: (range?: { start: number; end: number }) => Promise<NodeJS.ReadableStream>;
  /** the bytes the response sends (rangeToSend: Range and If-Range decided once) */
  range: RangeDecision;
  /** the download to record before the bytes go out; null when the response sends none */
  download: FileDownloaded['data'] | null;
}

/** GET (or HEAD) /clients/:id/files/:fileId/content: a version's content, whole or a range of it. */
export class DownloadFileQuery extends Query<FileContent> {
  constructor(
    readonly principal: Principal,
    readonly clientId: string,
    readonly fileId: string,
    /** an earlier version; undefined: the current one */
    readonly version: number | undefined,
    /** the request's Range and If-Range headers */
    readonly rangeHeaders: { range?: string; 'if-range'?: string | string[] },
    /** HEAD: the response carries the headers only */
    readonly headersOnly: boolean,
  ) {
    super();
  }
}
