import { Injectable } from '@nestjs/common';

/**
 * The blobs this process's uploads have written and not yet promoted or deleted. The orphan-blob
 * sweeper of the same process leaves them alone whatever their age, so an upload slowed down past
 * the grace period (a long pause, a slow event store) never loses its blob to the sweep.
 */
@Injectable()
export class UploadsInFlight {
  private readonly blobIds = new Set<string>();

  add(blobId: string): void {
    this.blobIds.add(blobId);
  }

  delete(blobId: string): void {
    this.blobIds.delete(blobId);
  }

  has(blobId: string): boolean {
    return this.blobIds.has(blobId);
  }
}
