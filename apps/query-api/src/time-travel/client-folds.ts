import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import {
  foldClientHistory,
  foldedCollections,
  HISTORY_START,
  HistorySnapshots,
  isWithin,
  TIME_TRAVEL_PROJECTIONS,
  type HistoryBound,
} from '@dossiers/read-models';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import type { Document } from '@dossiers/read-store';
import { PastStateCache } from './past-state-cache';
import type { HistoryPoint } from './time-travel.query';

/** Folded states kept in memory: 40 for each 20,000-event client (each one client's few documents). */
const CACHED_STATES = 512;

export interface FoldedClient {
  /** every collection of TIME_TRAVEL_PROJECTIONS, with the client's documents as they were */
  collections: Map<string, Document[]>;
  /** the revision folded to; -1 when no event of the stream is before the point */
  revision: number;
}

/**
 * A client's read models as they were at a point of its history, folded from its stream with the
 * projections' own evolve (foldClientHistory). Only the events up to the point are read, from the
 * latest state kept before it: in this process's memory (every HISTORY_STEP revisions of the folds
 * it made, and only there, so that queries at scattered points do not crowd them out), or in the
 * snapshots the projector's HistorySnapshotter keeps in the read store. Either way a query folds
 * fewer than HISTORY_STEP events once the snapshotter has passed the point.
 */
@Injectable()
export class ClientFolds {
  private readonly cache = new PastStateCache(CACHED_STATES);
  private readonly snapshots: HistorySnapshots;

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) readStore: ReadStore,
  ) {
    this.snapshots = new HistorySnapshots(readStore);
  }

  async at(clientId: string, point: HistoryPoint): Promise<FoldedClient> {
    const bound: HistoryBound = {
      lastRevision: 'asOfRevision' in point ? point.asOfRevision : Infinity,
      instant: 'asOf' in point ? Date.parse(point.asOf) : Infinity,
    };
    if (Number.isNaN(bound.instant))
      throw new RangeError(`not an instant: ${(point as { asOf: string }).asOf}`);
    const remembered = this.cache.latest(clientId, (s) => isWithin(bound, s.revision, s.recordedAt));
    // A loaded snapshot is not remembered: it shares nothing with the states kept, and reading it
    // again costs a few ms, while 512 copies of a large client's would weigh on the process.
    const stored = await this.snapshots.latestState(clientId, bound, remembered?.revision);
    const state = await foldClientHistory(
      this.eventStore,
      clientId,
      stored ?? remembered ?? HISTORY_START,
      bound,
      (kept) => this.cache.remember(clientId, kept),
    );
    return { collections: foldedCollections(TIME_TRAVEL_PROJECTIONS, state.docs), revision: state.revision };
  }
}
