import type { Checkpoint, EventStore } from '@dossiers/event-store';
import type { ReadStore } from '@dossiers/read-store';
import { CHECKPOINTS_COLLECTION, type CheckpointDoc } from '@dossiers/read-models';
import type { Clock } from '../clock/clock';

/**
 * Events behind are counted by reading them (positions are no event count on EventStoreDB,
 * where they are byte offsets in its log), so the count stops here: past it, seconds behind tells.
 */
export const EVENTS_BEHIND_COUNTED_UP_TO = 10_000;

/** Readiness compares the count with its limit, so it counts one past it at least. */
export const countEventsUpTo = (readinessLimit: number) =>
  Math.max(EVENTS_BEHIND_COUNTED_UP_TO, readinessLimit + 1);

export interface ProjectionLagEntry {
  projection: string;
  /** the position of the last event in its read models (its checkpoint), 0 before the first */
  position: number;
  /** events stored after it, counted up to `countedUpTo` */
  eventsBehind: number;
  /** age of the oldest event not in its read models yet (its recordedAt), 0 when none */
  secondsBehind: number;
}

export interface ProjectionLagReport {
  /** the event store's head position */
  head: number;
  /** eventsBehind counts up to this many */
  countedUpTo: number;
  projections: ProjectionLagEntry[];
}

/**
 * How far each projection's read models are behind the event store, from the checkpoints the
 * projector commits: the same answer whichever process runs the projector. Projections sharing a
 * checkpoint (the usual case: one batch moves them all) cost one read together; a caught-up one
 * costs none.
 */
export class ProjectionLag {
  private measuring?: Promise<ProjectionLagReport>;

  constructor(
    private readonly eventStore: EventStore,
    private readonly readStore: ReadStore,
    private readonly projections: readonly string[],
    private readonly clock: Clock,
    /** events behind are counted up to this many (see countEventsUpTo) */
    readonly countedUpTo: number,
  ) {}

  /** Concurrent callers (a scrape's gauges, a readiness probe) share one measurement. */
  measure(): Promise<ProjectionLagReport> {
    this.measuring ??= this.measureNow().finally(() => (this.measuring = undefined));
    return this.measuring;
  }

  private async measureNow(): Promise<ProjectionLagReport> {
    const [head, checkpoints] = await Promise.all([
      this.eventStore.headPosition(),
      this.readStore.collection<CheckpointDoc>(CHECKPOINTS_COLLECTION).findByIds([...this.projections]),
    ]);
    const byName = new Map(checkpoints.map((doc) => [doc._id, doc]));
    const now = this.clock.now().getTime();
    const behindByCheckpoint = new Map<string, Promise<Omit<ProjectionLagEntry, 'projection'>>>();
    const behind = (checkpoint: CheckpointDoc | undefined) => {
      const after: Checkpoint | undefined = checkpoint && {
        position: checkpoint.position,
        prepare: checkpoint.prepare,
      };
      const key = after ? `${after.position}:${after.prepare ?? ''}` : '';
      let measured = behindByCheckpoint.get(key);
      if (!measured) {
        measured = this.behind(after, head, now);
        behindByCheckpoint.set(key, measured);
      }
      return measured;
    };
    const projections = await Promise.all(
      this.projections.map(async (projection) => ({ projection, ...(await behind(byName.get(projection))) })),
    );
    return { head, countedUpTo: this.countedUpTo, projections };
  }

  private async behind(after: Checkpoint | undefined, head: number, now: number) {
    const position = after?.position ?? 0;
    if (head === 0 || (after !== undefined && position >= head))
      return { position, eventsBehind: 0, secondsBehind: 0 };
    const events = await this.eventStore.readAll({ after, maxCount: this.countedUpTo });
    const oldest = events[0] ? Date.parse(events[0].recordedAt) : now;
    return { position, eventsBehind: events.length, secondsBehind: Math.max(0, (now - oldest) / 1000) };
  }
}
