import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  clientDecider,
  clientStreamId,
  NotFoundError,
  sanitizeFileName,
  type ClientCommand,
} from '@dossiers/domain';
import type { FileContent } from '@dossiers/events';
import { loadStream, type CommandContext, type CommandResult } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { BLOB_STORE, BlobTooLargeError, type BlobStore } from '@dossiers/blob-store';
import { APP_CONFIG, PayloadTooLargeError, receiveSingleFile, type AppConfig } from '@dossiers/platform';

/**
 * Takes an uploaded file from the request into the blob store, then lets a command decide whether
 * it becomes part of the client. Whatever fails — a refused right, a bad name, a too large or
 * aborted upload, a command the decider refuses — leaves no event and no blob behind.
 */
@Injectable()
export class FileContentWriter {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(BLOB_STORE) private readonly blobStore: BlobStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The command is decided once on the current state, with no content yet, before a byte is read:
   * a refused upload (no right, unknown folder or file) costs nothing. It is decided again, with
   * its content, on the state it is appended to.
   */
  async precheck(
    clientId: string,
    context: CommandContext,
    command: (content: FileContent) => ClientCommand,
  ) {
    const { state } = await loadStream(
      this.eventStore,
      clientDecider,
      clientStreamId(clientId),
      context.tenant,
      () => new NotFoundError('client', clientId),
    );
    clientDecider.decide(command(PENDING_CONTENT), state);
  }

  /**
   * Streams the request's file into a new blob and runs `decide` with it. The blob is deleted
   * when the command fails, and when `decide` says it kept an earlier blob instead (a retry).
   */
  async store(
    request: FastifyRequest,
    context: CommandContext,
    decide: (content: FileContent, name: string) => Promise<{ result: CommandResult; blobKept: boolean }>,
  ): Promise<CommandResult> {
    const file = await receiveSingleFile(request, { maxBytes: this.config.maxUploadBytes });
    let name: string;
    try {
      name = sanitizeFileName(file.filename, 'file.name');
    } catch (error) {
      file.stream.destroy();
      throw error;
    }
    const written = await this.blobStore
      .write(file.stream, { maxBytes: this.config.maxUploadBytes, tenant: context.tenant })
      .catch((error: unknown) => {
        throw error instanceof BlobTooLargeError
          ? new PayloadTooLargeError(this.config.maxUploadBytes)
          : error;
      });
    const content: FileContent = {
      blobId: written.blobId,
      size: written.size,
      sha256: written.sha256,
      contentType: contentTypeOf(file.mimetype),
    };
    try {
      const { result, blobKept } = await decide(content, name);
      if (!blobKept) await this.blobStore.delete(content.blobId);
      return result;
    } catch (error) {
      await this.blobStore.delete(content.blobId);
      throw error;
    }
  }
}

/** What a file command is pre-checked with: the rights do not depend on the content. */
const PENDING_CONTENT: FileContent = { blobId: 'pending', size: 0, sha256: '', contentType: '' };

/** A media type as sent, if it looks like one; the download always goes out as an attachment anyway. */
function contentTypeOf(mimetype: string): string {
  return /^[\w.+-]+\/[\w.+-]+$/.test(mimetype) && mimetype.length <= 100
    ? mimetype.toLowerCase()
    : 'application/octet-stream';
}
