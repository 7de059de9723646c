import { isAfter, type Checkpoint, type EventStore } from '@dossiers/event-store';
import type { ReadStore } from '@dossiers/read-store';
import { CHECKPOINTS_COLLECTION, START, type CheckpointDoc } from './checkpoint';
import { ProjectionEngine } from './projection-engine';
import type { Projection } from './projection';

/** Every projection's checkpoint in `store`, START for one that has none. */
export async function checkpointsOf(
  store: ReadStore,
  projections: readonly Projection[],
): Promise<Map<string, Checkpoint>> {
  const names = projections.map((p) => p.name);
  const docs = await store.collection<CheckpointDoc>(CHECKPOINTS_COLLECTION).findByIds(names);
  const found = new Map(docs.map((d) => [d._id, d]));
  return new Map(
    names.map((name) => {
      const doc = found.get(name);
      return [name, doc ? { position: doc.position, prepare: doc.prepare } : START];
    }),
  );
}

export interface RebuildUpToOptions {
  batchSize?: number;
  onProgress?: (position: number, end: number) => void;
}

/**
 * Replays the log into `store`, each projection up to exactly its target checkpoint and no further,
 * from where `store` already stands: the engine's checkpoints there make a second call replay only
 * what the targets moved by. Returns how many events it replayed. No index is built: the engine
 * reads and writes documents by _id, and nothing else queries the store.
 */
export async function rebuildUpTo(
  eventStore: EventStore,
  store: ReadStore,
  projections: readonly Projection[],
  targets: Map<string, Checkpoint>,
  { batchSize = 5000, onProgress }: RebuildUpToOptions = {},
): Promise<number> {
  const reached = await checkpointsOf(store, projections);
  const behind = projections.filter((p) => isAfter(targets.get(p.name)!, reached.get(p.name)));
  if (behind.length === 0) return 0;
  // Normally one group: each projector batch moves every projection's checkpoint to the same place.
  const groups = new Map<string, { target: Checkpoint; members: Projection[] }>();
  for (const projection of behind) {
    const target = targets.get(projection.name)!;
    const key = `${target.position}:${target.prepare ?? target.position}`;
    if (!groups.has(key)) groups.set(key, { target, members: [] });
    groups.get(key)!.members.push(projection);
  }
  const engines = [...groups.values()].map(({ target, members }) => ({
    target,
    engine: new ProjectionEngine(store, members),
  }));
  let after = oldest(behind.map((p) => reached.get(p.name)!));
  const end = newest(behind.map((p) => targets.get(p.name)!));
  let replayed = 0;
  while (isAfter(end, after)) {
    const events = await eventStore.readAll({ after, maxCount: batchSize });
    if (events.length === 0) break;
    for (const { target, engine } of engines) {
      const upTo = events.filter((e) => !isAfter(e, target));
      if (upTo.length > 0) await engine.applyBatch(upTo);
    }
    replayed += events.filter((e) => !isAfter(e, end)).length;
    const last = events[events.length - 1];
    after = { position: last.position, prepare: last.prepare };
    onProgress?.(Math.min(last.position, end.position), end.position);
  }
  return replayed;
}

const oldest = (checkpoints: Checkpoint[]) => checkpoints.reduce((a, b) => (isAfter(a, b) ? b : a));
const newest = (checkpoints: Checkpoint[]) => checkpoints.reduce((a, b) => (isAfter(b, a) ? b : a));
