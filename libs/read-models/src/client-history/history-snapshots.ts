import type { Document, Filter, IndexSpec, ReadStore } from '@dossiers/read-store';
import type { FoldedDocuments } from '../projection/fold';
import type { HistoryBound, PastState } from './client-history';

/** One row per snapshot, small (what `latest` reads); its folded documents in the bodies' collection. */
export const HISTORY_SNAPSHOTS_COLLECTION = 'client_history_snapshots';
/** A snapshot's folded documents as JSON text, in chunks of at most CHUNK_CHARS characters. */
export const HISTORY_SNAPSHOT_BODIES_COLLECTION = 'client_history_snapshot_bodies';

/**
 * What the stored folds were made with. Bump it when the evolve of TIME_TRAVEL_PROJECTIONS (or
 * anything it calls) changes what it makes: snapshots of another format are ignored, and the
 * HistorySnapshotter, whose checkpoint records the format too, follows the log from the start
 * again to make them anew. `npm run rebuild` of one of those projections drops them all.
 */
export const HISTORY_SNAPSHOT_FORMAT = 1;

/**
 * Characters of JSON per stored chunk: at most ~3 MB of UTF-8, far under MongoDB's 16 MB document
 * limit, so the largest client (a permission model of ~14 MB, see permission-model-size) is kept too.
 */
export const CHUNK_CHARS = 1_000_000;

/** Larger folds are not kept (each is read whole into memory by a query): a fold from an earlier one answers. */
export const MAX_SNAPSHOT_CHARS = 64 * CHUNK_CHARS;

export const HISTORY_SNAPSHOT_INDEXES: IndexSpec[] = [
  {
    name: 'client_revision',
    fields: [
      ['clientId', 1],
      ['format', 1],
      ['revision', -1],
    ],
  },
];

export interface SnapshotRef extends Document {
  clientId: string;
  revision: number;
  /** the recordedAt of the event at `revision`, epoch ms */
  recordedAt: number;
  format: number;
  /** how many chunks its body has */
  chunks: number;
}

interface BodyChunk extends Document {
  text: string;
}

type Entries = [string, [string, Document][]][];

interface SnapshotBody {
  docs: Entries;
  retained: Entries;
}

const snapshotId = (clientId: string, revision: number) => `${clientId}:${revision}`;
const chunkId = (snapshot: string, index: number) => `${snapshot}#${index}`;

const toEntries = (maps: FoldedDocuments['docs']): Entries =>
  [...maps].map(([name, docs]) => [name, [...docs]]);

const fromEntries = (entries: Entries): FoldedDocuments['docs'] =>
  new Map(entries.map(([name, docs]) => [name, new Map(docs)]));

/**
 * `text` cut in pieces of at most `size` characters, never between the two halves of a surrogate
 * pair: each piece is stored as text on its own, and a lone half would come back as U+FFFD.
 */
export function pieces(text: string, size: number): string[] {
  const cut: string[] = [];
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff && end - 1 > at) end--;
    cut.push(text.slice(at, end));
    at = end;
  }
  return cut;
}

/**
 * Folded states of clients' histories kept in the read store, at the kept revisions (499, 999,
 * ...): a cache, made by the HistorySnapshotter, that lets the first asOf query of a client fold
 * at most HISTORY_STEP events. One that is missing (or has lost a chunk of its body) only makes a
 * query start from an earlier one.
 */
export class HistorySnapshots {
  private readonly maxChars: number;
  private readonly chunkChars: number;

  /** `maxChars` and `chunkChars`: MAX_SNAPSHOT_CHARS and CHUNK_CHARS unless told otherwise (tests) */
  constructor(
    private readonly readStore: ReadStore,
    {
      maxChars = MAX_SNAPSHOT_CHARS,
      chunkChars = CHUNK_CHARS,
    }: { maxChars?: number; chunkChars?: number } = {},
  ) {
    this.maxChars = maxChars;
    this.chunkChars = chunkChars;
  }

  async ensureIndexes(): Promise<void> {
    await this.readStore.ensureIndexes(HISTORY_SNAPSHOTS_COLLECTION, HISTORY_SNAPSHOT_INDEXES);
  }

  /**
   * The state of the latest snapshot of the client within the bound, of this format, whose body
   * is whole, if it is past revision `after` (a state the caller has already); null otherwise.
   */
  async latestState(clientId: string, bound: HistoryBound, after = -1): Promise<PastState | null> {
    for (let within = bound; ;) {
      const ref = await this.latest(clientId, within);
      if (!ref || ref.revision <= after) return null;
      const state = await this.load(ref);
      if (state) return state;
      within = { ...within, lastRevision: ref.revision - 1 };
    }
  }

  /** The latest snapshot of the client within the bound, of this format. */
  async latest(clientId: string, bound: HistoryBound): Promise<SnapshotRef | null> {
    if (Number.isNaN(bound.lastRevision) || Number.isNaN(bound.instant))
      throw new RangeError('A history bound is a number or Infinity, not NaN');
    const filter: Filter = { clientId, format: HISTORY_SNAPSHOT_FORMAT };
    if (Number.isFinite(bound.lastRevision)) filter.revision = { $lte: bound.lastRevision };
    if (Number.isFinite(bound.instant)) filter.recordedAt = { $lte: bound.instant };
    const [latest] = await this.readStore
      .collection<SnapshotRef>(HISTORY_SNAPSHOTS_COLLECTION)
      .find(filter, { sort: [['revision', -1]], limit: 1 });
    return latest ?? null;
  }

  /** The state a snapshot holds; null if a chunk of its body is gone. */
  async load(ref: SnapshotRef): Promise<PastState | null> {
    const ids = Array.from({ length: ref.chunks }, (_, i) => chunkId(ref._id, i));
    const found = new Map(
      (await this.readStore.collection<BodyChunk>(HISTORY_SNAPSHOT_BODIES_COLLECTION).findByIds(ids)).map(
        (chunk) => [chunk._id, chunk.text],
      ),
    );
    if (found.size !== ids.length) return null;
    const body = JSON.parse(ids.map((id) => found.get(id)).join('')) as SnapshotBody;
    return {
      revision: ref.revision,
      recordedAt: ref.recordedAt,
      docs: { docs: fromEntries(body.docs), retained: fromEntries(body.retained) },
    };
  }

  /** Keeps the state; false when it is too large to (maxChars, MAX_SNAPSHOT_CHARS by default). */
  async save(clientId: string, state: PastState): Promise<boolean> {
    const _id = snapshotId(clientId, state.revision);
    const body: SnapshotBody = { docs: toEntries(state.docs.docs), retained: toEntries(state.docs.retained) };
    const text = JSON.stringify(body);
    if (text.length > this.maxChars) return false;
    const chunks: BodyChunk[] = [];
    for (const piece of pieces(text, this.chunkChars))
      chunks.push({ _id: chunkId(_id, chunks.length), text: piece });
    const ref: SnapshotRef = {
      _id,
      clientId,
      revision: state.revision,
      recordedAt: state.recordedAt,
      format: HISTORY_SNAPSHOT_FORMAT,
      chunks: chunks.length,
    };
    // One transaction: a ref never names a chunk that is not there.
    await this.readStore.transaction(async (tx) => {
      await tx.collection<BodyChunk>(HISTORY_SNAPSHOT_BODIES_COLLECTION).upsertMany(chunks);
      await tx.collection<SnapshotRef>(HISTORY_SNAPSHOTS_COLLECTION).upsert(ref);
    });
    return true;
  }

  /** Every snapshot gone, the index kept (npm run rebuild: the projections they fold may have changed). */
  async dropAll(): Promise<void> {
    await this.readStore.drop(HISTORY_SNAPSHOTS_COLLECTION);
    await this.readStore.drop(HISTORY_SNAPSHOT_BODIES_COLLECTION);
    await this.ensureIndexes();
  }
}
