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
   * Taken literally, whatever it holds (NUL included); a needle that is not well-formed Unicode (a
   * lone surrogate, which each engine would encode differently) throws InvalidFilterError.
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

/** A filter the port's query language refuses, refused alike by every adapter before any query runs. */
export class InvalidFilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidFilterError';
  }
}

/** Where an adapter reports what it changed on its own: an index it dropped or rebuilt, and why. */
export interface ReadStoreLogger {
  warn(message: string): void;
}

export const PROCESS_WARNINGS: ReadStoreLogger = {
  warn: (message) => process.emitWarning(message, 'ReadStoreWarning'),
};

/** One collection put in place of another, documents and all (see ReadStore.replaceCollections). */
export interface CollectionReplacement {
  /** the collection whose documents move; one that was never written stands for an empty one */
  from: string;
  /** the collection they replace: what it held is dropped */
  to: string;
  /** the indexes `to` has afterwards, built once the documents are in */
  indexes: IndexSpec[];
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
  /**
   * Makes the collection's indexes exactly `indexes`, as found by `listIndexes`: creates what is
   * missing, drops and builds again one whose keys, their order or directions, or uniqueness
   * changed, and drops every other index but the engine's own (`_id_`, the primary key), each drop
   * logged with its reason. The store owns its collections' indexes: a unique index left over from
   * an earlier version would keep refusing writes. Idempotent; an upgrade's new definitions apply
   * at the next start.
   */
  ensureIndexes(collection: string, indexes: IndexSpec[]): Promise<void>;
  /** The collection's indexes but the engine's own, as `ensureIndexes` would take them, by name. */
  listIndexes(collection: string): Promise<IndexSpec[]>;
  /**
   * Puts each `from` collection in place of its `to` (a rebuild's fresh collections swapped in):
   * afterwards `to` holds exactly what `from` held, with `indexes`, and `from` no longer exists.
   * Reads of `to` see its old documents until then. SQLite: all in one transaction. MongoDB: one
   * renameCollection (dropTarget) after the other, each atomic, their indexes built on `from`
   * first; stopped between two, some are replaced and the others not.
   */
  replaceCollections(replacements: CollectionReplacement[]): Promise<void>;
  /**
   * The most documents one transaction should write, when the engine has such a limit (MongoDB
   * aborts a transaction after 60 s or under cache pressure): writers split their work to stay
   * under it. Absent: no limit (SQLite writes a million rows in one transaction as well as ten).
   */
  readonly maxWritesPerTransaction?: number;
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
