import { Query } from '@nestjs/cqrs';
import type { Principal } from '@dossiers/platform';

/**
 * A point in a client's history: the events recorded up to an instant (`recordedAt <= asOf`), or
 * those up to a revision of its stream; both inclusive.
 */
export type HistoryPoint = { asOf: string } | { asOfRevision: number };

/** A live query about one client, which the time travel can answer as of a point. */
export type ClientQuery<R> = Query<R> & { principal: Principal; clientId: string };

/**
 * `live` as it would have been answered at `point`: the same handler, over the client's read
 * models folded from its stream up to there (TimeTravelHandler).
 */
export class TimeTravelQuery<R> extends Query<R> {
  constructor(
    readonly live: ClientQuery<R>,
    readonly point: HistoryPoint,
  ) {
    super();
  }
}

/** The query to send: `live` itself, or as of `point` when there is one. */
export function asOf<R>(point: HistoryPoint | null, live: ClientQuery<R>): Query<R> {
  return point ? new TimeTravelQuery(live, point) : live;
}
