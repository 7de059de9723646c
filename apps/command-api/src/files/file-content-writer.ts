import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  clientDecider,
  clientStreamId,
  DomainError,
  NotFoundError,
  sanitizeFileName,
  type ClientCommand,
} from '@dossiers/domain';
import type { FileContent } from '@dossiers/events';
import { loadStream, type CommandContext, type CommandResult } from '@dossiers/application';
import { EVENT_STORE, WrongExpectedVersionError, type EventStore } from '@dossiers/event-store';
import { BLOB_STORE, BlobTooLargeError, type BlobStore } from '@dossiers/blob-store';
import { APP_CONFIG, PayloadTooLargeError, receiveSingleFile, type AppConfig } from '@dossiers/platform';
import { UploadsInFlight } from './uploads-in-flight';

/**
 * Takes an uploaded file from the request into the blob store, then lets a command decide whether
 * it becomes part of the client. Whatever fails — a refused right, a bad name, a too large or
 * aborted upload, a command the decider refuses — leaves no event and no blob behind. The blob is
 * written pending, the event appended, then the blob promoted: a process that dies in between
 * leaves a pending blob, which the orphan-blob sweeper settles from the event store.
 */
@Injectable()
export class FileContentWriter {
  private readonly logger = new Logger('files');

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(BLOB_STORE) private readonly blobStore: BlobStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly inFlight: UploadsInFlight,
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
   * Streams the request's file into a new pending blob owned by the client and runs `decide` with
   * it, a command that appends at most one event naming the blob to the client's stream. The blob
   * is promoted once that event is stored, and deleted when the command is refused or when the
   * event it answers with names another blob: nothing new to record, or a retry with the same
   * Idempotency-Key whose event the store already had (the first attempt's, with its own blob).
   */
  async store(
    clientId: string,
    request: FastifyRequest,
    context: CommandContext,
    decide: (content: FileContent, name: string) => Promise<CommandResult>,
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
      .write(file.stream, {
        maxBytes: this.config.maxUploadBytes,
        tenant: context.tenant,
        owner: { clientId },
      })
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
    this.inFlight.add(content.blobId);
    try {
      return await this.decideAndSettle(clientId, content, name, decide);
    } finally {
      this.inFlight.delete(content.blobId);
    }
  }

  private async decideAndSettle(
    clientId: string,
    content: FileContent,
    name: string,
    decide: (content: FileContent, name: string) => Promise<CommandResult>,
  ): Promise<CommandResult> {
    let result: CommandResult;
    try {
      result = await decide(content, name);
    } catch (error) {
      // Refused, so never appended. Any other failure may have come after the store wrote the
      // event: the blob then stays pending, for the sweeper to settle from the event store.
      if (error instanceof DomainError || error instanceof WrongExpectedVersionError)
        await this.deleteUnnamed(content.blobId);
      throw error;
    }
    const recorded = await this.recorded(clientId, result, content.blobId);
    if (recorded === 'no') await this.deleteUnnamed(content.blobId);
    if (recorded === 'yes') await this.promote(content.blobId);
    return result;
  }

  /** A blob no event names; one the store fails to delete stays pending, and the sweeper deletes it. */
  private async deleteUnnamed(blobId: string): Promise<void> {
    try {
      await this.blobStore.delete(blobId);
    } catch (error) {
      this.logger.warn({
        message: 'unnamed blob left pending; the sweeper will delete it',
        blobId,
        err: String(error),
      });
    }
  }

  /**
   * The event is stored, so the upload succeeded whatever happens here: a blob left pending is
   * still served, and the sweeper promotes it later.
   */
  private async promote(blobId: string): Promise<void> {
    try {
      await this.blobStore.promote(blobId);
    } catch (error) {
      this.logger.warn({
        message: 'blob left pending after its event; the sweeper will promote it',
        blobId,
        err: String(error),
      });
    }
  }

  /** Whether the event at the answered revision names the blob; unknown when it cannot be read. */
  private async recorded(
    clientId: string,
    result: CommandResult,
    blobId: string,
  ): Promise<'yes' | 'no' | 'unknown'> {
    try {
      const [event] = await this.eventStore.readStream(clientStreamId(clientId), {
        fromRevision: result.revision,
        maxCount: 1,
      });
      return (event?.data as { blobId?: unknown } | undefined)?.blobId === blobId ? 'yes' : 'no';
    } catch {
      return 'unknown';
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
