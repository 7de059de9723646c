import type { EventStore } from '@dossiers/event-store';
import { renamedReadStore, type Document, type ReadStore } from '@dossiers/read-store';
import { CHECKPOINTS_COLLECTION, type CheckpointDoc } from './checkpoint';
import { collectionsOf, type Projection } from './projection';
import { rebuildUpTo } from './rebuild-up-to';

/** A rebuild writes `<name>__rebuild` beside each live collection, its checkpoints included. */
export const rebuildCollectionName = (name: string) => `${name}__rebuild`;

/**
 * Written among the live checkpoints while a rebuild swaps its collections in, deleted with the
 * same transaction that moves the checkpoints: while it is there, the live collections of these
 * projections may be half old, half rebuilt, and their checkpoints not yet moved.
 */
export const SWAP_MARKER_ID = '__rebuild_swap';

interface SwapMarker extends Document {
  projections: string[];
}

export class InterruptedRebuildError extends Error {
  constructor(readonly projections: string[]) {
    super(
      `A rebuild of ${projections.join(', ')} stopped while swapping its collections in: run npm run rebuild -- ${projections.join(' ')} (or all) before starting the projector`,
    );
    this.name = 'InterruptedRebuildError';
  }
}

/** The projections whose rebuild stopped while swapping in, if any. */
export async function interruptedRebuild(readStore: ReadStore): Promise<string[] | null> {
  const marker = await readStore.collection<SwapMarker>(CHECKPOINTS_COLLECTION).findById(SWAP_MARKER_ID);
  return marker ? marker.projections : null;
}

/**
 * Replays every event up to the head into fresh collections (`<name>__rebuild`, checkpoints too),
 * then swaps them in for the live ones, which keep answering queries meanwhile: a rebuild that
 * stops before the swap leaves them untouched, and the next one starts afresh. Run it with the
 * projector stopped: a batch it committed after the replay's head would be lost in the swap.
 *
 * The fresh collections get their indexes with the swap, once the replay is done: building an
 * index over the finished data costs a fraction of keeping it current through every batch
 * (SQLite, 100k clients: the rebuild runs 2.5x faster).
 *
 * The swap: a marker among the live checkpoints, the collections replaced (replaceCollections:
 * one transaction on SQLite, one rename after the other on MongoDB), then the checkpoints moved
 * and the marker deleted in one transaction. Stopped in between, the marker stays: the projector
 * refuses to start (InterruptedRebuildError) until a rebuild including those projections is run.
 */
export async function rebuildProjections(
  eventStore: EventStore,
  readStore: ReadStore,
  projections: readonly Projection[],
  onProgress: (position: number, head: number) => void = () => {},
  batchSize = 5000,
): Promise<{ events: number; head: number }> {
  const interrupted = await interruptedRebuild(readStore);
  const names = projections.map((p) => p.name);
  const left = interrupted?.filter((name) => !names.includes(name)) ?? [];
  if (left.length > 0) throw new InterruptedRebuildError(interrupted!);

  const fresh = renamedReadStore(readStore, rebuildCollectionName);
  const collections = [...new Map(projections.flatMap(collectionsOf).map((c) => [c.name, c])).values()];
  for (const { name } of collections) await fresh.drop(name);
  await fresh.drop(CHECKPOINTS_COLLECTION);

  const head = await eventStore.headPosition();
  const target = { position: head };
  const events = await rebuildUpTo(
    eventStore,
    fresh,
    projections,
    new Map(projections.map((p) => [p.name, target])),
    { batchSize, onProgress },
  );

  const rebuilt = await fresh.collection<CheckpointDoc>(CHECKPOINTS_COLLECTION).findByIds(names);
  const checkpoints = readStore.collection<Document>(CHECKPOINTS_COLLECTION);
  await checkpoints.upsert({ _id: SWAP_MARKER_ID, projections: names });
  await readStore.replaceCollections(
    collections.map(({ name, indexes }) => ({ from: rebuildCollectionName(name), to: name, indexes })),
  );
  await readStore.transaction(async (tx) => {
    const live = tx.collection<Document>(CHECKPOINTS_COLLECTION);
    await live.upsertMany(rebuilt);
    const none = names.filter((name) => !rebuilt.some((checkpoint) => checkpoint._id === name));
    if (none.length > 0) await live.deleteMany({ _id: { $in: none } });
    await live.delete(SWAP_MARKER_ID);
  });
  await fresh.drop(CHECKPOINTS_COLLECTION);
  return { events, head };
}
