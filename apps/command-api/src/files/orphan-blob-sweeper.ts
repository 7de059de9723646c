import { Logger } from '@nestjs/common';
import { clientStreamId } from '@dossiers/domain';
import type { JsonValue, RecordedEvent } from '@dossiers/events';
import type { EventStore } from '@dossiers/event-store';
import type { BlobStore, PendingBlob } from '@dossiers/blob-store';

export interface OrphanBlobSweepOptions {
  /** Pending blobs younger than this are left alone: their upload may still be appending its event. */
  graceMs: number;
  /** Blobs whose upload is still running in this process, never swept whatever their age. */
  inFlight?: { has(blobId: string): boolean };
}

/** What one sweep did, by blob id. */
export interface SweepOutcome {
  /** named by an event of their client: made permanent */
  promoted: string[];
  /** named by no event of their client: deleted */
  deleted: string[];
  /** left pending: still uploading here, or their client's stream could not be read */
  kept: string[];
  /** writes that never completed (their process killed while receiving the bytes): discarded */
  partialWrites: number;
}

/** Events read at once from a client's stream. */
const PAGE_SIZE = 500;

/**
 * Settles the blobs an upload left pending when its process died between writing the blob and
 * appending its event, or between appending and promoting. The event store decides, never a read
 * model (which may lag): a blob named by an event of its owner's stream, for its tenant, is
 * promoted; a blob named by none is deleted, only while still pending. Safe to run in several
 * processes at once: promote is idempotent and a discard never touches a promoted blob.
 */
export class OrphanBlobSweeper {
  private readonly logger = new Logger('orphan-blob-sweeper');

  constructor(
    private readonly eventStore: EventStore,
    private readonly blobStore: BlobStore,
    private readonly options: OrphanBlobSweepOptions,
  ) {}

  async sweep(now = new Date()): Promise<SweepOutcome> {
    const outcome: SweepOutcome = { promoted: [], deleted: [], kept: [], partialWrites: 0 };
    const olderThan = new Date(now.getTime() - this.options.graceMs);
    const byOwner = new Map<string, PendingBlob[]>();
    // Listed whole before anything changes, so the listing never runs over its own deletions.
    for await (const blob of this.blobStore.listPending(olderThan)) {
      if (this.options.inFlight?.has(blob.blobId)) {
        outcome.kept.push(blob.blobId);
        continue;
      }
      const owner = JSON.stringify([blob.tenant, blob.clientId]);
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), blob]);
    }
    for (const blobs of byOwner.values()) await this.settle(blobs, outcome);
    outcome.partialWrites = await this.discardStaleWrites(olderThan);
    const { promoted, deleted, kept, partialWrites } = outcome;
    if (promoted.length + deleted.length + kept.length + partialWrites > 0)
      this.logger.log({
        message: 'orphan blob sweep done',
        promoted: promoted.length,
        deleted: deleted.length,
        kept: kept.length,
        partialWrites,
      });
    return outcome;
  }

  /**
   * The bytes of writes a killed process never completed: no blob, so no owner to ask; silent for
   * the whole grace period, they are taken for dead. A failure is logged: the next sweep tries again.
   */
  private async discardStaleWrites(olderThan: Date): Promise<number> {
    try {
      return await this.blobStore.discardStaleWrites(olderThan);
    } catch (error) {
      this.logger.warn({ message: 'partial writes kept: the blob store failed', err: String(error) });
      return 0;
    }
  }

  /** The pending blobs of one tenant's client, against one read of its stream. */
  private async settle(blobs: PendingBlob[], outcome: SweepOutcome): Promise<void> {
    const { tenant, clientId } = blobs[0];
    let named: Set<string>;
    try {
      named = await this.namedIn(tenant, clientId, new Set(blobs.map((blob) => blob.blobId)));
    } catch (error) {
      // Unsure is never a reason to delete: the next sweep tries again.
      this.logger.warn({
        message: 'orphan blobs kept: their client stream could not be read',
        tenant,
        clientId,
        err: String(error),
      });
      outcome.kept.push(...blobs.map((blob) => blob.blobId));
      return;
    }
    for (const blob of blobs) {
      const facts = { blobId: blob.blobId, tenant, clientId, createdAt: blob.createdAt.toISOString() };
      try {
        if (named.has(blob.blobId)) {
          await this.blobStore.promote(blob.blobId);
          this.logger.log({ message: 'pending blob promoted: an event of its client names it', ...facts });
          outcome.promoted.push(blob.blobId);
        } else if (await this.blobStore.discardPending(blob.blobId)) {
          this.logger.log({ message: 'orphan blob deleted: no event of its client names it', ...facts });
          outcome.deleted.push(blob.blobId);
        }
      } catch (error) {
        this.logger.warn({
          message: 'pending blob kept: the blob store failed',
          ...facts,
          err: String(error),
        });
        outcome.kept.push(blob.blobId);
      }
    }
  }

  /** Which of `candidates` the tenant's events in the client's stream name, anywhere in their data. */
  private async namedIn(tenant: string, clientId: string, candidates: Set<string>): Promise<Set<string>> {
    const named = new Set<string>();
    // Up to an empty page, not a short one: a store answering fewer events than asked must not end the search early.
    for (let fromRevision = 0; ;) {
      const events = await this.eventStore.readStream(clientStreamId(clientId), {
        fromRevision,
        maxCount: PAGE_SIZE,
      });
      if (events.length === 0) return named;
      for (const event of events)
        if (event.metadata.tenant === tenant) collectNamed(event, candidates, named);
      fromRevision = events[events.length - 1].revision + 1;
    }
  }
}

/**
 * Looks for the candidates in every string of the event's data, not only in `blobId`: an event
 * shape added later that names a blob elsewhere keeps it too. Keeping too much is the safe side.
 */
function collectNamed(event: RecordedEvent, candidates: Set<string>, named: Set<string>): void {
  const visit = (value: JsonValue): void => {
    if (typeof value === 'string') {
      if (candidates.has(value)) named.add(value);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(event.data);
}
