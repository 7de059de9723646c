import type { Document, Filter, IndexSpec, ReadStore } from '@dossiers/read-store';
import type { FoldedDocuments } from '../projection/fold';
import type { HistoryBound, PastState } from './client-history';

/** One row per snapshot, small (what `latest` reads); its folded documents in the bodies' collection. */
export const HISTORY_SNAPSHOTS_COLLECTION = 'client_history_snapshots';
export const HISTORY_SNAPSHOT_BODIES_COLLECTION = 'client_history_snapshot_bodies';

/**
 * What the stored folds were made with. Bump it when the evolve of TIME_TRAVEL_PROJECTIONS (or
 * anything it calls) changes what it makes: snapshots of another format are ignored, and the
 * HistorySnapshotter makes new ones as the client's stream passes each kept revision again (from
 * the start, for snapshots it cannot continue). `npm run rebuild` drops them all.
 */
export const HISTORY_SNAPSHOT_FORMAT = 1;

/** Larger folds are not kept (MongoDB's 16 MB document limit): a fold from the snapshot before answers. */
export const MAX_SNAPSHOT_CHARS = 8 * 1024 * 1024;

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
}

type Entries = [string, [string, Document][]][];

interface SnapshotBody extends Document {
  docs: Entries;
  retained: Entries;
}

const snapshotId = (clientId: string, revision: number) => `${clientId}:${revision}`;

const toEntries = (maps: FoldedDocuments['docs']): Entries =>
  [...maps].map(([name, docs]) => [name, [...docs]]);

const fromEntries = (entries: Entries): FoldedDocuments['docs'] =>
  new Map(entries.map(([name, docs]) => [name, new Map(docs)]));

/**
 * Folded states of clients' histories kept in the read store, at the kept revisions (499, 999,
 * ...): a cache, made by the HistorySnapshotter, that lets the first asOf query of a client fold
 * at most HISTORY_STEP events. One that is missing only makes a query fold from an earlier one.
 */
export class HistorySnapshots {
  constructor(
    private readonly readStore: ReadStore,
    private readonly maxChars = MAX_SNAPSHOT_CHARS,
  ) {}

  async ensureIndexes(): Promise<void> {
    await this.readStore.ensureIndexes(HISTORY_SNAPSHOTS_COLLECTION, HISTORY_SNAPSHOT_INDEXES);
  }

  /** The latest snapshot of the client within the bound, of this format. */
  async latest(clientId: string, bound: HistoryBound): Promise<SnapshotRef | null> {
    const filter: Filter = { clientId, format: HISTORY_SNAPSHOT_FORMAT };
    if (Number.isFinite(bound.lastRevision)) filter.revision = { $lte: bound.lastRevision };
    if (Number.isFinite(bound.instant)) filter.recordedAt = { $lte: bound.instant };
    const [latest] = await this.readStore
      .collection<SnapshotRef>(HISTORY_SNAPSHOTS_COLLECTION)
      .find(filter, { sort: [['revision', -1]], limit: 1 });
    return latest ?? null;
  }

  /** The state a snapshot holds; null if its body is gone (a fold from an earlier one answers). */
  async load(ref: SnapshotRef): Promise<PastState | null> {
    const body = await this.readStore
      .collection<SnapshotBody>(HISTORY_SNAPSHOT_BODIES_COLLECTION)
      .findById(ref._id);
    if (!body) return null;
    return {
      revision: ref.revision,
      recordedAt: ref.recordedAt,
      docs: { docs: fromEntries(body.docs), retained: fromEntries(body.retained) },
    };
  }

  /** Keeps the state; false when it is too large to (maxChars, MAX_SNAPSHOT_CHARS by default). */
  async save(clientId: string, state: PastState): Promise<boolean> {
    const _id = snapshotId(clientId, state.revision);
    const body: SnapshotBody = {
      _id,
      docs: toEntries(state.docs.docs),
      retained: toEntries(state.docs.retained),
    };
    if (JSON.stringify(body).length > this.maxChars) return false;
    const ref: SnapshotRef = {
      _id,
      clientId,
      revision: state.revision,
      recordedAt: state.recordedAt,
      format: HISTORY_SNAPSHOT_FORMAT,
    };
    // The body first, in one transaction: a ref never names a body that is not there.
    await this.readStore.transaction(async (tx) => {
      await tx.collection<SnapshotBody>(HISTORY_SNAPSHOT_BODIES_COLLECTION).upsert(body);
      await tx.collection<SnapshotRef>(HISTORY_SNAPSHOTS_COLLECTION).upsert(ref);
    });
    return true;
  }

  /** Every snapshot gone (npm run rebuild: the projections they fold may have changed). */
  async dropAll(): Promise<void> {
    await this.readStore.drop(HISTORY_SNAPSHOTS_COLLECTION);
    await this.readStore.drop(HISTORY_SNAPSHOT_BODIES_COLLECTION);
  }
}
