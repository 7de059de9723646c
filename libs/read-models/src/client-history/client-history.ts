import { clientStreamId } from '@dossiers/domain';
import type { RecordedEvent } from '@dossiers/events';
import type { EventStore } from '@dossiers/event-store';
import { clientListProjection } from '../client-list/client-list.projection';
import { clientPermissionsProjection } from '../client-permissions/client-permissions.projection';
import { clientSheetProjection } from '../client-sheet/client-sheet.projection';
import { foldProjections, NOTHING_FOLDED, type FoldedDocuments } from '../projection/fold';
import type { Projection } from '../projection/projection';

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
 * Events read at once, and the revisions at which a folded state is kept: in memory by the query
 * side (ClientFolds) and in the read store by the HistorySnapshotter (revisions 499, 999, ...).
 * Reading and folding cost ~4 µs an event: from a state kept at most 500 revisions before it, any
 * point of any client folds in a few milliseconds (bench/time-travel.run.ts).
 */
export const HISTORY_STEP = 500;

/** A client's read models folded up to a revision of its stream. */
export interface PastState {
  /** the last revision folded; -1 before the first event */
  revision: number;
  /** the last folded event's recordedAt, in epoch ms (-Infinity before the first) */
  recordedAt: number;
  docs: FoldedDocuments;
}

export const HISTORY_START: PastState = { revision: -1, recordedAt: -Infinity, docs: NOTHING_FOLDED };

/**
 * Where a fold stops: the events up to `lastRevision` recorded up to `instant` (epoch ms), both
 * inclusive; Infinity for no bound. recordedAt never decreases along a stream, so those events
 * are a prefix of it.
 */
export interface HistoryBound {
  lastRevision: number;
  instant: number;
}

export const isWithin = (bound: HistoryBound, revision: number, recordedAt: number): boolean =>
  revision <= bound.lastRevision && recordedAt <= bound.instant;

/** Whether a fold passing `revision` keeps its state there. */
export const isKeptRevision = (revision: number): boolean => (revision + 1) % HISTORY_STEP === 0;

/**
 * Folds the client's stream onto `from` up to `bound`, with the projections' own evolve, reading
 * HISTORY_STEP events at a time and only up to the bound; `keep` is handed the state at each kept
 * revision passed on the way.
 */
export async function foldClientHistory(
  eventStore: EventStore,
  clientId: string,
  from: PastState,
  bound: HistoryBound,
  keep: (state: PastState) => void = () => {},
): Promise<PastState> {
  const streamId = clientStreamId(clientId);
  let state = from;
  for (;;) {
    const wanted = Math.min(HISTORY_STEP, bound.lastRevision - state.revision);
    if (wanted <= 0) return state;
    const read = await eventStore.readStream(streamId, {
      fromRevision: state.revision + 1,
      maxCount: wanted,
    });
    const end = prefixLength(read, (e) => isWithin(bound, e.revision, Date.parse(e.recordedAt)));
    const events = end === read.length ? read : read.slice(0, end);
    state = foldKeeping(state, events, keep);
    if (events.length < wanted) return state;
  }
}

/** Folds `events` onto `state`, handing `keep` the state at each kept revision passed. */
function foldKeeping(state: PastState, events: RecordedEvent[], keep: (state: PastState) => void): PastState {
  let from = 0;
  while (from < events.length) {
    // the index of the next kept revision, or the end
    const next = HISTORY_STEP - 1 - (events[from].revision % HISTORY_STEP);
    const to = Math.min(events.length, from + next + 1);
    const last = events[to - 1];
    state = {
      revision: last.revision,
      recordedAt: Date.parse(last.recordedAt),
      docs: foldProjections(TIME_TRAVEL_PROJECTIONS, events.slice(from, to), state.docs),
    };
    if (isKeptRevision(last.revision)) keep(state);
    from = to;
  }
  return state;
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
