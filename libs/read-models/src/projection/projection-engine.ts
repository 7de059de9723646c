import { upcast, type RecordedEvent } from '@dossiers/events';
import { isAfter, type Checkpoint } from '@dossiers/event-store';
import type { Document, ReadCollection, ReadStore, ReadStoreTransaction } from '@dossiers/read-store';
import { CHECKPOINTS_COLLECTION, START, type CheckpointDoc } from './checkpoint';
import { collectionsOf, type DerivedDocuments, type Projection } from './projection';

/**
 * Applies batches of events to projections. Each batch is one read-store transaction that writes
 * the documents and every projection's checkpoint together, so a crash at any point leaves the
 * read models exactly as a clean rebuild up to the last committed checkpoint would.
 *
 * Each projection's checkpoint is read inside the transaction and only newer events are applied,
 * so a batch delivered twice changes nothing, and a projection added later catches up from 0
 * while the others skip what they already have.
 */
export class ProjectionEngine {
  constructor(
    private readonly readStore: ReadStore,
    readonly projections: readonly Projection[],
  ) {}

  async ensureIndexes(): Promise<void> {
    for (const projection of this.projections) {
      for (const { name, indexes } of collectionsOf(projection))
        await this.readStore.ensureIndexes(name, indexes);
    }
  }

  /** Where a subscription should resume: the oldest checkpoint of all projections. */
  async resumeCheckpoint(): Promise<Checkpoint> {
    const stored = await this.readStore
      .collection<CheckpointDoc>(CHECKPOINTS_COLLECTION)
      .findByIds(this.projections.map((p) => p.name));
    if (stored.length < this.projections.length) return START;
    const oldest = stored.reduce((a, b) => (b.position < a.position ? b : a));
    return { position: oldest.position, prepare: oldest.prepare };
  }

  async applyBatch(events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const upcasted = events.map(upcast);
    await this.readStore.transaction(async (tx) => {
      for (const projection of this.projections) await this.applyToProjection(tx, projection, upcasted);
    });
  }

  private async applyToProjection(tx: ReadStoreTransaction, projection: Projection, events: RecordedEvent[]) {
    const checkpoints = tx.collection<CheckpointDoc>(CHECKPOINTS_COLLECTION);
    const since = (await checkpoints.findById(projection.name)) ?? undefined;
    const fresh = events.filter((e) => isAfter(e, since));
    if (fresh.length === 0) return;

    const relevant = fresh.filter((e) => projection.handles.has(e.type));
    const collection = tx.collection<Document>(projection.collection);
    // Load each touched document once, evolve in memory, write each once: batches stay fast.
    const ids = [...new Set(relevant.map((e) => projection.documentId(e)))];
    const working = new Map<string, Document | null>(ids.map((id) => [id, null]));
    for (const doc of await collection.findByIds(ids)) working.set(doc._id, doc);
    const before = projection.derived ? new Map(working) : undefined;
    for (const event of relevant) {
      const id = projection.documentId(event);
      working.set(id, projection.evolve(working.get(id) ?? null, event));
    }
    for (const [id, doc] of working) {
      if (doc) await collection.upsert(doc);
      else await collection.delete(id);
      if (projection.derived) await writeDerived(tx, projection.derived, before!.get(id) ?? null, doc);
    }
    const last = fresh[fresh.length - 1];
    await checkpoints.upsert({
      _id: projection.name,
      position: last.position,
      prepare: last.prepare ?? last.position,
    });
  }
}

/** Writes the derived documents that differ between `before` and `after`, and deletes the ones gone. */
async function writeDerived(
  tx: ReadStoreTransaction,
  derived: DerivedDocuments,
  before: Document | null,
  after: Document | null,
): Promise<void> {
  const collections = new Map<string, ReadCollection>();
  const collection = (name: string) => {
    let found = collections.get(name);
    if (!found) collections.set(name, (found = tx.collection(name)));
    return found;
  };
  const key = (name: string, id: string) => `${name}\u0000${id}`;
  const old = new Map<string, Document>();
  for (const { collection: name, doc } of before ? derived.derive(before) : [])
    old.set(key(name, doc._id), doc);
  for (const { collection: name, doc } of after ? derived.derive(after) : []) {
    const k = key(name, doc._id);
    const previous = old.get(k);
    if (previous === undefined || !sameJson(previous, doc)) await collection(name).upsert(doc);
    old.delete(k);
  }
  for (const k of old.keys()) {
    const [name, id] = k.split('\u0000');
    await collection(name).delete(id);
  }
}

/**
 * Whether two JSON values are equal, compared in place: a change to a large model re-derives
 * thousands of documents, and serialising each twice only to compare them cost more than the
 * writes. Anything but plain objects and arrays (a Date slipped into a document) is compared as
 * its JSON, as before.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return JSON.stringify(a) === JSON.stringify(b);
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (!Object.hasOwn(b, k) || !sameJson(a[k], b[k])) return false;
  return true;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
