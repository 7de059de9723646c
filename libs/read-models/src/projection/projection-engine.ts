import { upcast, type RecordedEvent } from '@dossiers/events';
import { isAfter, type Checkpoint } from '@dossiers/event-store';
import type { Document, ReadStore, ReadStoreTransaction } from '@dossiers/read-store';
import { boundedTransaction, TooManyWritesError } from './bounded-transaction';
import { CHECKPOINTS_COLLECTION, START, type CheckpointDoc } from './checkpoint';
import { DocumentWrites, loadDocuments } from './document-parts';
import { collectionsOf, type DerivedDocuments, type Projection } from './projection';

export interface ProjectionEngineOptions {
  /**
   * Where the checkpoints go (default: the read models'). Reactors keep theirs apart, beside their
   * outbox: a rebuild of the read models must not move them back.
   */
  checkpoints?: string;
  /**
   * The most documents one batch's transaction writes before it is split (see applyBatch).
   * Default: the read store's own limit (MongoDB's adapter: 10,000), none on SQLite.
   */
  maxWritesPerTransaction?: number;
}

/** A projection with its event types as sets, built once: the engine tests every event against them. */
interface Registered {
  projection: Projection;
  handles: ReadonlySet<string>;
  creates: ReadonlySet<string>;
}

/**
 * Applies batches of events to projections. Each batch is one read-store transaction that writes
 * the documents and every projection's checkpoint together, so a crash at any point leaves the
 * read models exactly as a clean rebuild up to the last committed checkpoint would.
 *
 * Each projection's checkpoint is read inside the transaction and only newer events are applied,
 * so a batch delivered twice changes nothing, and a projection added later catches up from 0
 * while the others skip what they already have.
 *
 * Per projection and batch: one lookup of the documents it touches, evolve in memory, one bulk
 * write of those that changed and one delete of those gone. A rebuild replays the whole log this
 * way, so each call saved here is saved hundreds of thousands of times (BENCHMARKS.md, (b)).
 */
export class ProjectionEngine {
  private readonly registered: readonly Registered[];
  private readonly checkpoints: string;
  private readonly maxWritesPerTransaction: number;

  constructor(
    private readonly readStore: ReadStore,
    readonly projections: readonly Projection[],
    {
      checkpoints = CHECKPOINTS_COLLECTION,
      maxWritesPerTransaction = readStore.maxWritesPerTransaction,
    }: ProjectionEngineOptions = {},
  ) {
    this.maxWritesPerTransaction = maxWritesPerTransaction ?? Infinity;
    this.registered = projections.map((projection) => ({
      projection,
      handles: new Set(projection.canHandle),
      creates: new Set(projection.creates ?? []),
    }));
    this.checkpoints = checkpoints;
  }

  async ensureIndexes(): Promise<void> {
    for (const projection of this.projections) {
      for (const { name, indexes } of collectionsOf(projection))
        await this.readStore.ensureIndexes(name, indexes);
    }
  }

  /** Where a subscription should resume: the oldest checkpoint of all projections. */
  async resumeCheckpoint(): Promise<Checkpoint> {
    const stored = await this.readStore
      .collection<CheckpointDoc>(this.checkpoints)
      .findByIds(this.projections.map((p) => p.name));
    if (stored.length < this.projections.length) return START;
    const oldest = stored.reduce((a, b) => (b.position < a.position ? b : a));
    return { position: oldest.position, prepare: oldest.prepare };
  }

  /**
   * Returns how many documents of the projections' own collections it wrote or deleted.
   *
   * A batch whose writes would pass maxWritesPerTransaction (a creation fanning out to thousands
   * of derived documents, a rebuild's batch) is applied in halves, recursively, each in its own
   * transaction committing its own checkpoints: the refused attempt rolls back before it passes
   * the bound, and a crash between two halves resumes after the first, as after any batch. One
   * event is never split: its writes commit together, whatever their number.
   */
  async applyBatch(events: RecordedEvent[]): Promise<number> {
    if (events.length === 0) return 0;
    const apply = async (part: RecordedEvent[]): Promise<number> => {
      try {
        return await this.readStore.transaction((tx) =>
          this.applyInTransaction(
            part.length > 1 && Number.isFinite(this.maxWritesPerTransaction)
              ? boundedTransaction(tx, this.maxWritesPerTransaction)
              : tx,
            part,
          ),
        );
      } catch (error) {
        if (!(error instanceof TooManyWritesError)) throw error;
        const half = Math.ceil(part.length / 2);
        return (await apply(part.slice(0, half))) + (await apply(part.slice(half)));
      }
    };
    return apply(events.map(upcast));
  }

  private async applyInTransaction(tx: ReadStoreTransaction, events: RecordedEvent[]): Promise<number> {
    const checkpoints = tx.collection<CheckpointDoc>(this.checkpoints);
    const stored = new Map(
      (await checkpoints.findByIds(this.projections.map((p) => p.name))).map((c) => [c._id, c]),
    );
    const moved: CheckpointDoc[] = [];
    let written = 0;
    for (const registered of this.registered) {
      const { name } = registered.projection;
      const fresh = eventsAfter(events, stored.get(name));
      if (fresh.length === 0) continue;
      written += await this.applyToProjection(tx, registered, fresh);
      const last = fresh[fresh.length - 1];
      moved.push({ _id: name, position: last.position, prepare: last.prepare ?? last.position });
    }
    await checkpoints.upsertMany(moved);
    return written;
  }

  private async applyToProjection(
    tx: ReadStoreTransaction,
    { projection, handles, creates }: Registered,
    events: RecordedEvent[],
  ): Promise<number> {
    const relevant: RecordedEvent[] = [];
    const ids: string[] = [];
    for (const event of events) {
      if (!handles.has(event.type)) continue;
      // null: the event touches none of this projection's documents.
      const id = projection.documentId(event);
      if (id === null) continue;
      relevant.push(event);
      ids.push(id);
    }
    if (relevant.length === 0) return 0;
    // Load each touched document once, evolve in memory, write each once: batches stay fast.
    const toLoad = new Set<string>();
    const touched = new Set<string>();
    relevant.forEach((event, i) => {
      if (touched.has(ids[i])) return;
      touched.add(ids[i]);
      if (!creates.has(event.type)) toLoad.add(ids[i]);
    });
    const loaded = new Map<string, Document>();
    const storedWhole = new Set<string>();
    for (const doc of await loadDocuments(tx, projection, [...toLoad], storedWhole)) loaded.set(doc._id, doc);
    const derived = projection.derived && new DerivedWrites(projection.derived);
    const working = new Map<string, Document | null>();
    relevant.forEach((event, i) => {
      const id = ids[i];
      const current = working.has(id) ? working.get(id)! : (loaded.get(id) ?? null);
      const next = projection.evolve(current, event);
      // A retained collection keeps what every state derived, not only the batch's last one.
      if (next !== current) derived?.step(current, next);
      working.set(id, next);
    });
    const writes = new DocumentWrites(projection, storedWhole);
    for (const [id, doc] of working) {
      const before = loaded.get(id) ?? null;
      // evolve hands back the very document it was given when the event changes nothing in it.
      if (doc === before) continue;
      writes.change(id, before, doc);
      derived?.change(before, doc);
    }
    await writes.write(tx);
    await derived?.write(tx);
    return writes.changed;
  }
}

/** The events of a batch after a checkpoint: a suffix of it, as a batch is in log order. */
function eventsAfter(events: RecordedEvent[], checkpoint: CheckpointDoc | undefined): RecordedEvent[] {
  const first = events.findIndex((e) => isAfter(e, checkpoint));
  return first === 0 ? events : first === -1 ? [] : events.slice(first);
}

/**
 * The derived documents that differ between each changed document's before and after, gathered
 * over the batch: the last state of each derived document is written, collection by collection
 * (upserts in bulk, deletions in one statement), as the writes one after the other would leave it.
 *
 * Retained collections (a log) are diffed at each step instead, event by event, and lose nothing:
 * what a step's derivation drops stays, so every document any state derived is written, whatever
 * the batches (a rebuild in batches of 5,000 writes what a live projector writes one event at a time).
 */
class DerivedWrites {
  /** collection -> derived id -> the document to write, or null to delete it */
  private readonly pending = new Map<string, Map<string, Document | null>>();
  private readonly retained: ReadonlySet<string>;
  private readonly replacedToo: boolean;

  constructor(private readonly derived: DerivedDocuments) {
    this.retained = new Set(derived.collections.filter((c) => c.retain).map((c) => c.name));
    this.replacedToo = derived.collections.some((c) => !c.retain);
  }

  /** One event's change to a document, for the retained collections. */
  step(before: Document | null, after: Document | null): void {
    if (this.retained.size > 0) this.diff(before, after, true);
  }

  /** A batch's change to a document, for the other collections. */
  change(before: Document | null, after: Document | null): void {
    if (this.replacedToo) this.diff(before, after, false);
  }

  private diff(before: Document | null, after: Document | null, retained: boolean): void {
    // Only what can differ when the definition can tell; everything it leaves out derives alike.
    const scoped = before && after ? (this.derived.deriveChanged?.(before, after) ?? null) : null;
    const derivedBefore = scoped ? scoped.before : before ? this.derived.derive(before) : [];
    const derivedAfter = scoped ? scoped.after : after ? this.derived.derive(after) : [];
    // Nothing to compare with (a creation, a log's step): every document derived is written.
    if (derivedBefore.length === 0) {
      for (const { collection, doc } of derivedAfter)
        if (this.retained.has(collection) === retained) this.set(collection, doc._id, doc);
      return;
    }
    const old = new Map<string, Document>();
    for (const { collection, doc } of derivedBefore)
      if (this.retained.has(collection) === retained) old.set(key(collection, doc._id), doc);
    for (const { collection, doc } of derivedAfter) {
      if (this.retained.has(collection) !== retained) continue;
      const k = key(collection, doc._id);
      const previous = old.get(k);
      if (previous === undefined || !sameJson(previous, doc)) this.set(collection, doc._id, doc);
      old.delete(k);
    }
    if (retained) return;
    for (const k of old.keys()) {
      const [collection, id] = k.split('\u0000');
      this.set(collection, id, null);
    }
  }

  async write(tx: ReadStoreTransaction): Promise<void> {
    for (const [name, docs] of this.pending) {
      const collection = tx.collection(name);
      const upserts: Document[] = [];
      const deletes: string[] = [];
      for (const [id, doc] of docs) {
        if (doc) upserts.push(doc);
        else deletes.push(id);
      }
      await collection.upsertMany(upserts);
      if (deletes.length > 0) await collection.deleteMany({ _id: { $in: deletes } });
    }
  }

  private set(collection: string, id: string, doc: Document | null): void {
    let docs = this.pending.get(collection);
    if (!docs) this.pending.set(collection, (docs = new Map()));
    // Deleted then written again (or the reverse) within the batch: only the last state counts.
    docs.set(id, doc);
  }
}

const key = (collection: string, id: string) => `${collection}\u0000${id}`;

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
