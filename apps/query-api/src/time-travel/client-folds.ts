import { Inject, Injectable } from '@nestjs/common';
import { clientStreamId } from '@dossiers/domain';
import type { RecordedEvent } from '@dossiers/events';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import {
  clientListProjection,
  clientPermissionsProjection,
  clientSheetProjection,
  foldedCollections,
  foldProjections,
  NOTHING_FOLDED,
  type Projection,
} from '@dossiers/read-models';
import type { Document } from '@dossiers/read-store';
import { PastStateCache, type PastState } from './past-state-cache';
import type { HistoryPoint } from './time-travel.query';

/**
 * The read models the time-travel routes' live handlers read (the sheet, the folders and their
 * rights), each with its derived documents: what is folded from a client's stream.
 */
export const TIME_TRAVEL_PROJECTIONS: readonly Projection[] = [
  clientListProjection,
  clientSheetProjection,
  clientPermissionsProjection,
];

/**
 * Events read at once; also how often (in revisions) a folded state is kept to continue from.
 * Reading and folding cost ~4 µs an event, half of it reading (bench/time-travel.run.ts: ~80 ms
 * for the whole of a 20,000-event client, the first query's worst case): 500 keeps a later query
 * to a few ms.
 */
const STEP = 500;
/** Folded states kept: 40 for each 20,000-event client (each one client's few documents). */
const CACHED_STATES = 512;

export interface FoldedClient {
  /** every collection of TIME_TRAVEL_PROJECTIONS, with the client's documents as they were */
  collections: Map<string, Document[]>;
  /** the revision folded to; -1 when no event of the stream is before the point */
  revision: number;
}

const START: PastState = { revision: -1, recordedAt: -Infinity, docs: NOTHING_FOLDED };

/**
 * A client's read models as they were at a point of its history, folded from its stream with the
 * projections' own evolve. Only the events up to the point are read, from the latest cached state
 * before it. A state is kept every STEP revisions on the way (and only there, so that queries at
 * scattered points do not crowd them out): the first query of a client folds its history up to
 * the point, and any later one folds fewer than STEP events.
 */
@Injectable()
export class ClientFolds {
  private readonly cache = new PastStateCache(CACHED_STATES);

  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  async at(clientId: string, point: HistoryPoint): Promise<FoldedClient> {
    const lastRevision = 'asOfRevision' in point ? point.asOfRevision : Infinity;
    const instant = 'asOf' in point ? Date.parse(point.asOf) : Infinity;
    // recordedAt never decreases along the stream: the events up to the point are a prefix of it.
    const within = (revision: number, recordedAt: number) =>
      revision <= lastRevision && recordedAt <= instant;
    let state = this.cache.latest(clientId, (s) => within(s.revision, s.recordedAt)) ?? START;
    const streamId = clientStreamId(clientId);
    for (;;) {
      const wanted = Math.min(STEP, lastRevision - state.revision);
      if (wanted <= 0) break;
      const read = await this.eventStore.readStream(streamId, {
        fromRevision: state.revision + 1,
        maxCount: wanted,
      });
      const end = prefixLength(read, (e) => within(e.revision, Date.parse(e.recordedAt)));
      const events = end === read.length ? read : read.slice(0, end);
      state = this.foldKeeping(clientId, state, events);
      if (events.length < wanted) break;
    }
    return { collections: foldedCollections(TIME_TRAVEL_PROJECTIONS, state.docs), revision: state.revision };
  }

  /** Folds `events` onto `state`, keeping the state at each multiple of STEP revisions passed. */
  private foldKeeping(clientId: string, state: PastState, events: RecordedEvent[]): PastState {
    let from = 0;
    while (from < events.length) {
      // the index of the next revision r with (r + 1) % STEP === 0, or the end
      const next = STEP - 1 - (events[from].revision % STEP);
      const to = Math.min(events.length, from + next + 1);
      const last = events[to - 1];
      state = {
        revision: last.revision,
        recordedAt: Date.parse(last.recordedAt),
        docs: foldProjections(TIME_TRAVEL_PROJECTIONS, events.slice(from, to), state.docs),
      };
      if ((last.revision + 1) % STEP === 0) this.cache.remember(clientId, state);
      from = to;
    }
    return state;
  }
}

/**
 * How many of `events` pass `test`, which holds of a prefix of them: found by halving, since
 * parsing each one's recordedAt on a 20,000-event fold cost milliseconds.
 */
function prefixLength(events: readonly RecordedEvent[], test: (event: RecordedEvent) => boolean): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(events[middle])) low = middle + 1;
    else high = middle;
  }
  return low;
}
