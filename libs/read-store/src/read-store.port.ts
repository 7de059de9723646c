/**
 * The read-model store: a small document store whose query language is a documented subset of
 * MongoDB's, so that the MongoDB adapter is a pass-through and the SQLite adapter stays small.
 * Projections and queries are written once against this port.
 *
 * Documents are plain JSON objects with a string `_id`. Field names may be dotted paths ('a.b').
 */
export type Scalar = string | number | boolean | null;

export interface FieldCondition {
  $eq?: Scalar;
  $ne?: Scalar;
  $in?: Scalar[];
  $gt?: Scalar;
  $gte?: Scalar;
  $lt?: Scalar;
  $lte?: Scalar;
  /**
   * Case- and accent-insensitive substring match. Meant for a field the projection stores already
   * normalised; the adapter normalises the needle with the same function, its `TextNormalizer`.
   */
  $contains?: string;
}

/**
 * The text key of the domain's text policy (case, accents, spacing and compatibility forms folded
 * away), which projections store their searched fields under and `$contains` applies to its needle.
 * The policy is the domain's, and a store depends on no domain: the composition root hands the
 * domain's `normalizeText` to the adapter it builds.
 */
export type TextNormalizer = (text: string) => string;

/** All conditions must hold (implicit AND). A bare scalar means equality. */
export type Filter = Record<string, Scalar | FieldCondition>;

export type SortDirection = 1 | -1;
/** Applied in order; ties broken by the next entry. */
export type Sort = Array<[field: string, direction: SortDirection]>;

export interface FindOptions {
  sort?: Sort;
  skip?: number;
  limit?: number;
}

export interface IndexSpec {
  name: string;
  fields: Sort;
  unique?: boolean;
}

export interface Document {
  _id: string;
  [field: string]: unknown;
}

export interface ReadCollection<T extends Document = Document> {
  findById(id: string): Promise<T | null>;
  /** documents found, in no particular order; missing ids are left out */
  findByIds(ids: string[]): Promise<T[]>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  count(filter: Filter): Promise<number>;
  /** The distinct keys of an object-valued field across the matching documents, sorted. */
  distinctKeys(filter: Filter, field: string): Promise<string[]>;
  /** A cursor: documents arrive as they are read, memory stays flat however many match. */
  stream(filter: Filter, options?: FindOptions): AsyncIterable<T>;
  /** Insert or replace the whole document. */
  upsert(doc: T): Promise<void>;
  /**
   * Insert or replace each document whole, as `upsert` one after the other would (a later
   * document with the same `_id` wins), in a few round trips: what a projection's batch writes.
   */
  upsertMany(docs: T[]): Promise<void>;
  /** Set some top-level fields of an existing document; false when it does not exist. */
  update(id: string, fields: Partial<Omit<T, '_id'>>): Promise<boolean>;
  delete(id: string): Promise<boolean>;
  deleteMany(filter: Filter): Promise<number>;
}

/** The same collections, bound to one transaction. */
export interface ReadStoreTransaction {
  collection<T extends Document = Document>(name: string): ReadCollection<T>;
}

export interface ReadStore {
  collection<T extends Document = Document>(name: string): ReadCollection<T>;
  /** Idempotent: creates what is missing. */
  ensureIndexes(collection: string, indexes: IndexSpec[]): Promise<void>;
  /**
   * Runs `work` atomically: every write made through `tx` commits together or not at all
   * (SQLite: one transaction; MongoDB: a multi-document transaction, which needs a replica set).
   * Reads made outside `tx` meanwhile never see its uncommitted writes.
   */
  transaction<R>(work: (tx: ReadStoreTransaction) => Promise<R>): Promise<R>;
  /** Removes a collection and its documents (used by rebuilds). */
  drop(collection: string): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const READ_STORE = Symbol('READ_STORE');
