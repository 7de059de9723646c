import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  checkFileName,
  clientDecider,
  clientStreamId,
  DomainError,
  validOrThrow,
  type ClientCommand,
} from '@dossiers/domain';
import type { FileContent } from '@dossiers/events';
import { Aggregates, type CommandContext, type CommandResult } from '@dossiers/application';
import { EVENT_STORE, WrongExpectedVersionError, type EventStore } from '@dossiers/event-store';
import { BLOB_STORE, BlobTooLargeError, type BlobStore } from '@dossiers/blob-store';
import { APP_CONFIG, PayloadTooLargeError, type AppConfig } from '@dossiers/platform';
import { ClientCommandRunner } from '../clients/client-command-runner';
import { UploadsInFlight } from './uploads-in-flight';

/** The one file of an upload, as sent: its bytes not read yet. */
export interface IncomingFile {
  /** as sent: the writer sanitises it */
  filename: string;
  /** as sent, unchecked */
  mimetype: string;
  /** ends only once the whole request is known valid, and fails past `maxBytes` (413) */
  stream: Readable;
}

/**
 * Opens the request's file (the controller binds it to its request: receiveSingleFile). The writer
 * calls it only once the rights are checked, so a refused upload reads nothing of the body.
 */
export type ReceiveFile = (limits: { maxBytes: number }) => Promise<IncomingFile>;

/** The file command an upload decides, once its content is stored and its name sanitised. */
export type FileCommandOf = (content: FileContent, name: string) => ClientCommand;

/**
 * Takes an uploaded file into the blob store, then lets a command decide whether it becomes part
 * of the client. Whatever fails — a refused right, a bad name, a too large or aborted upload, a
 * command the decider refuses — leaves no event and no blob behind. The blob is written pending,
 * the event appended, then the blob promoted: a process that dies in between leaves a pending
 * blob, which the orphan-blob sweeper settles from the event store.
 */
@Injectable()
export class FileContentWriter {
  private readonly logger = new Logger('files');

  constructor(
    private readonly aggregates: Aggregates,
    private readonly runner: ClientCommandRunner,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(BLOB_STORE) private readonly blobStore: BlobStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly inFlight: UploadsInFlight,
  ) {}

  /**
   * The command is decided once on the current state, with no content yet, before a byte is read:
   * a refused upload (no right, unknown folder or file) costs nothing. Then the file is streamed
   * into a new pending blob owned by the client, and the command decided again, with its content,
   * on the state it is appended to: it appends at most one event naming the blob. The blob is
   * promoted once that event is stored, and deleted when the command is refused or when the event
   * it answers with names another blob: nothing new to record, or a retry with the same
   * Idempotency-Key whose event the store already had (the first attempt's, with its own blob).
   */
  async upload(
    clientId: string,
    receive: ReceiveFile,
    context: CommandContext,
    command: FileCommandOf,
  ): Promise<CommandResult> {
    const { state } = await this.aggregates.clients.load(clientId, context.tenant);
    clientDecider.decide(command(PENDING_CONTENT, 'pending'), state);
    const { content, name } = await this.receive(clientId, receive, context.tenant);
    this.inFlight.add(content.blobId);
    try {
      return await this.decideAndSettle(clientId, content, () =>
        this.runner.runChecked(clientId, command(content, name), context),
      );
    } finally {
      this.inFlight.delete(content.blobId);
    }
  }

  /** The file's name sanitised, and its bytes in a new pending blob owned by the client. */
  private async receive(
    clientId: string,
    receive: ReceiveFile,
    tenant: string,
  ): Promise<{ content: FileContent; name: string }> {
    const maxBytes = this.config.maxUploadBytes;
    const file = await receive({ maxBytes });
    let name: string;
    try {
      name = validOrThrow(checkFileName(file.filename, 'file.name'));
    } catch (error) {
      file.stream.destroy();
      throw error;
    }
    const written = await this.blobStore
      .write(file.stream, { maxBytes, tenant, owner: { clientId } })
      .catch((error: unknown) => {
        throw error instanceof BlobTooLargeError ? new PayloadTooLargeError(maxBytes) : error;
      });
    const { blobId, size, sha256 } = written;
    return { content: { blobId, size, sha256, contentType: contentTypeOf(file.mimetype) }, name };
  }

  private async decideAndSettle(
    clientId: string,
    content: FileContent,
    decide: () => Promise<CommandResult>,
  ): Promise<CommandResult> {
    let result: CommandResult;
    try {
      result = await decide();
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
