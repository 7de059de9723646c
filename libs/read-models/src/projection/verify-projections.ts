import { isAfter, type Checkpoint, type EventStore } from '@dossiers/event-store';
import type { Document, ReadCollection, ReadStore } from '@dossiers/read-store';
import { ALL_PROJECTIONS } from '../all-projections';
import { collectionsOf, type Projection } from './projection';
import { compareCodePoints, firstJsonDifference } from './json-difference';
import { checkpointsOf, rebuildUpTo } from './rebuild-up-to';
import type { CollectionSummary, DifferenceKind, DocumentDifference, VerifyReport } from './verify-report';

export class UnknownProjectionError extends Error {
  constructor(
    readonly unknown: string[],
    readonly known: string[],
  ) {
    super(`Unknown projection(s): ${unknown.join(', ')}. Known: ${known.join(', ')}`);
    this.name = 'UnknownProjectionError';
  }
}

/** The projections named (all when none is), in the projector's order; an unknown name throws. */
export function selectProjections(names: readonly string[], all = ALL_PROJECTIONS): readonly Projection[] {
  const known = all.map((p) => p.name);
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length) throw new UnknownProjectionError(unknown, known);
  return names.length ? all.filter((p) => names.includes(p.name)) : all;
}

export interface VerifyProgress {
  /** rebuild: event positions replayed; compare: documents compared */
  phase: 'rebuild' | 'compare';
  done: number;
  total: number;
}

export interface VerifyProjectionsOptions {
  eventStore: EventStore;
  /** the read models checked; only read */
  live: ReadStore;
  /** an empty store of the same engine, which the rebuild goes to */
  scratch: ReadStore;
  projections: readonly Projection[];
  batchSize?: number;
  /** the pause before the documents found different are read again */
  recheckDelayMs?: number;
  /** most differing documents per collection kept to be read again; those beyond count as found */
  recheckLimit?: number;
  /** most differences the report describes */
  reportLimit?: number;
  onProgress?: (progress: VerifyProgress) => void;
}

/** Rounds of re-reading while the live store keeps moving under the documents found different. */
const RECHECK_ROUNDS = 3;
const READ_CHUNK = 500;

type Suspect = Pick<DocumentDifference, 'id' | 'kind'>;

interface Comparison {
  projection: string;
  collection: string;
  compared: number;
  /** the differing documents found, in _id order (up to recheckLimit): confirmed once read again */
  suspects: Suspect[];
  differences: DocumentDifference[];
  unchecked: Record<DifferenceKind, number>;
}

/**
 * Rebuilds the projections into `scratch` from position 0 and compares it, document by document,
 * with `live`: every collection each projection writes (collectionsOf), not the checkpoints. Both
 * sides are streamed sorted by _id and merged, so memory stays flat however big the store.
 *
 * The live store may be moving (a projector running). So: its checkpoints are read first, and each
 * projection is rebuilt up to exactly its live checkpoint. A live document read later equal to its
 * rebuild is verified at that position. One that differs may be a real difference or a change the
 * projector committed since: after a pause, the live checkpoints are read again, the rebuild is
 * brought up to them, and those documents alone are read again on both sides. If no checkpoint moved
 * while they were read, what still differs is real; otherwise they are read again (a few rounds),
 * and what differs after the last round is reported.
 */
export async function verifyProjections(options: VerifyProjectionsOptions): Promise<VerifyReport> {
  const { eventStore, live, scratch, projections, reportLimit = 10 } = options;
  const head = await eventStore.headPosition();
  const verified = await checkpointsOf(live, projections);
  const events = await catchUp(options, verified);

  const collections = projections.flatMap((p) => collectionsOf(p).map(({ name }) => [p.name, name]));
  const counts = await Promise.all(
    collections.map(async ([, name]) =>
      Math.max(await live.collection(name).count({}), await scratch.collection(name).count({})),
    ),
  );
  const progress = { done: 0, total: counts.reduce((a, b) => a + b, 0) };
  const comparisons: Comparison[] = [];
  for (const [projection, collection] of collections)
    comparisons.push(await compareCollection(options, projection, collection, progress));

  const rechecked = await recheck(options, comparisons, verified);
  const differences = comparisons.flatMap((c) => c.differences);
  const unchecked = comparisons.reduce((sum, { unchecked: u }) => sum + u.missing + u.extra + u.different, 0);
  return {
    equal: differences.length === 0 && unchecked === 0,
    head,
    events,
    positions: projections.map(({ name }) => {
      const [position, last] = [verified.get(name)!.position, rechecked.get(name)!.position];
      return { projection: name, position, ...(last !== position ? { recheckedAt: last } : {}) };
    }),
    collections: comparisons.map(summarize),
    differences: differences.slice(0, reportLimit),
    unchecked,
  };
}

/** A merge of both sides sorted by _id: each document is read once, whatever the collection's size. */
async function compareCollection(
  { live, scratch, recheckLimit = 10_000, onProgress }: VerifyProjectionsOptions,
  projection: string,
  collection: string,
  progress: { done: number; total: number },
): Promise<Comparison> {
  const comparison: Comparison = {
    projection,
    collection,
    compared: 0,
    suspects: [],
    differences: [],
    unchecked: { missing: 0, extra: 0, different: 0 },
  };
  const found = (id: string, kind: DifferenceKind) => {
    if (comparison.suspects.length < recheckLimit) comparison.suspects.push({ id, kind });
    else comparison.unchecked[kind]++;
  };
  const rebuiltSide = sortedById(scratch.collection(collection), collection);
  const liveSide = sortedById(live.collection(collection), collection);
  try {
    let [rebuilt, actual] = await Promise.all([rebuiltSide.next(), liveSide.next()]);
    while (!rebuilt.done || !actual.done) {
      const [r, l] = [rebuilt.done ? undefined : rebuilt.value, actual.done ? undefined : actual.value];
      const order = !l ? -1 : !r ? 1 : compareCodePoints(r._id, l._id);
      if (order < 0) found(r!._id, 'missing');
      else if (order > 0) found(l!._id, 'extra');
      else if (firstJsonDifference(r, l)) found(r!._id, 'different');
      [rebuilt, actual] = await Promise.all([
        order <= 0 ? rebuiltSide.next() : rebuilt,
        order >= 0 ? liveSide.next() : actual,
      ]);
      comparison.compared++;
      if (++progress.done % 1000 === 0) onProgress?.({ phase: 'compare', ...progress });
    }
  } finally {
    // Ends the cursors of a comparison cut short (SQLite: a connection held per stream).
    await Promise.all([rebuiltSide.return(undefined), liveSide.return(undefined)]);
  }
  onProgress?.({ phase: 'compare', ...progress });
  return comparison;
}

/** The merge relies on both stores sorting _id the same way as compareCodePoints: checked, not assumed. */
async function* sortedById(collection: ReadCollection, name: string): AsyncGenerator<Document> {
  let previous: string | undefined;
  for await (const doc of collection.stream({}, { sort: [['_id', 1]] })) {
    if (previous !== undefined && compareCodePoints(previous, doc._id) >= 0)
      throw new Error(`${name}: the store returned _id ${doc._id} after ${previous}, out of order`);
    previous = doc._id;
    yield doc;
  }
}

/** Reads the documents found different again (see verifyProjections); returns where it last compared. */
async function recheck(
  options: VerifyProjectionsOptions,
  comparisons: Comparison[],
  verified: Map<string, Checkpoint>,
): Promise<Map<string, Checkpoint>> {
  const { live, projections, recheckDelayMs = 500 } = options;
  let pending = comparisons.filter((c) => c.suspects.length > 0);
  let reached = verified;
  for (let round = 0; round < RECHECK_ROUNDS && pending.length > 0; round++) {
    await new Promise((resolve) => setTimeout(resolve, recheckDelayMs));
    const before = await checkpointsOf(live, projections);
    for (const [name, checkpoint] of before)
      if (isAfter(reached.get(name)!, checkpoint))
        throw new Error(
          `The live checkpoint of ${name} moved back (from ${reached.get(name)!.position} to ${checkpoint.position}): a rebuild is running; verify again once it is done`,
        );
    await catchUp(options, before);
    for (const comparison of pending) await readAgain(options, comparison);
    const after = await checkpointsOf(live, projections);
    reached = before;
    const settled = (name: string) => !isAfter(after.get(name)!, before.get(name));
    pending = pending.filter((c) => c.differences.length > 0 && !settled(c.projection));
  }
  return reached;
}

async function readAgain({ live, scratch }: VerifyProjectionsOptions, comparison: Comparison): Promise<void> {
  const { projection, collection, suspects } = comparison;
  const differences: DocumentDifference[] = [];
  for (let i = 0; i < suspects.length; i += READ_CHUNK) {
    const ids = suspects.slice(i, i + READ_CHUNK).map((s) => s.id);
    const [rebuilt, actual] = await Promise.all(
      [scratch, live].map(async (store) => {
        const docs = await store.collection(collection).findByIds(ids);
        return new Map(docs.map((d) => [d._id, d]));
      }),
    );
    for (const id of ids) {
      const [r, l] = [rebuilt.get(id), actual.get(id)];
      const difference = r && l ? firstJsonDifference(r, l) : null;
      const base = { projection, collection, id };
      if (r && !l) differences.push({ ...base, kind: 'missing' });
      else if (l && !r) differences.push({ ...base, kind: 'extra' });
      else if (difference)
        differences.push({
          ...base,
          kind: 'different',
          path: difference.path,
          rebuilt: difference.expected,
          live: difference.actual,
        });
    }
  }
  comparison.differences = differences;
  comparison.suspects = differences.map(({ id, kind }) => ({ id, kind }));
}

function summarize({
  projection,
  collection,
  compared,
  differences,
  unchecked,
}: Comparison): CollectionSummary {
  const count = (kind: DifferenceKind) => differences.filter((d) => d.kind === kind).length + unchecked[kind];
  return {
    projection,
    collection,
    compared,
    missing: count('missing'),
    extra: count('extra'),
    different: count('different'),
  };
}

/** The rebuild into the scratch store, up to the live checkpoints, reporting its progress. */
function catchUp(
  { eventStore, scratch, projections, batchSize, onProgress }: VerifyProjectionsOptions,
  targets: Map<string, Checkpoint>,
): Promise<number> {
  return rebuildUpTo(eventStore, scratch, projections, targets, {
    batchSize,
    onProgress: (done, total) => onProgress?.({ phase: 'rebuild', done, total }),
  });
}
