import {
  MongoClient,
  MongoServerError,
  type ClientSession,
  type Collection,
  type Db,
  type IndexDescriptionInfo,
  type MongoClientOptions,
} from 'mongodb';
import {
  PROCESS_WARNINGS,
  type CollectionReplacement,
  type Document,
  type Filter,
  type FindOptions,
  type IndexSpec,
  type ReadCollection,
  type ReadStore,
  type ReadStoreLogger,
  type ReadStoreTransaction,
  type TextNormalizer,
} from '../read-store.port';
import { checkReplacements } from '../check-replacements';
import { toMongoFilter } from './mongodb-filter';
import { distinctKeysPipeline } from './mongodb-distinct-keys';
import { ID_INDEX, planIndexes, toIndexSpec } from './mongodb-indexes';

export interface MongoReadStoreOptions {
  /** e.g. mongodb://localhost:27017/?replicaSet=rs0 — transactions need a replica set */
  url: string;
  databaseName: string;
  clientOptions?: MongoClientOptions;
  /** what `$contains` applies to its needle: the domain's normalizeText, given by the composition root */
  normalizeText: TextNormalizer;
  /** where dropped and rebuilt indexes are reported; default: Node's process warnings */
  logger?: ReadStoreLogger;
  /** see ReadStore.maxWritesPerTransaction; default DEFAULT_MAX_WRITES_PER_TRANSACTION */
  maxWritesPerTransaction?: number;
}

/**
 * A transaction of 10,000 small documents (a projector batch's bulk writes) commits in about a
 * second, far from the 60 s after which MongoDB aborts it, and holds some tens of MB in the
 * WiredTiger cache; a live batch of 1,000 events rarely fans out beyond it, so it is seldom split.
 */
export const DEFAULT_MAX_WRITES_PER_TRANSACTION = 10_000;

/** Server error codes the adapter expects and handles. */
const NAMESPACE_NOT_FOUND = 26;
const INDEX_NOT_FOUND = 27;

/**
 * The port's query language is a subset of MongoDB's, so this adapter passes almost everything
 * through; only `$contains` is translated (to an escaped, normalised `$regex`).
 */
export class MongoReadStore implements ReadStore {
  private readonly client: MongoClient;
  private readonly db: Db;
  private readonly normalize: TextNormalizer;
  private readonly logger: ReadStoreLogger;
  readonly maxWritesPerTransaction: number;

  /** The driver connects on the first operation; `ping()` checks the server is reachable. */
  constructor(options: MongoReadStoreOptions) {
    if (typeof options.normalizeText !== 'function') throw new Error('normalizeText is required');
    this.client = new MongoClient(options.url, options.clientOptions);
    this.db = this.client.db(options.databaseName);
    this.normalize = options.normalizeText;
    this.logger = options.logger ?? PROCESS_WARNINGS;
    this.maxWritesPerTransaction = options.maxWritesPerTransaction ?? DEFAULT_MAX_WRITES_PER_TRANSACTION;
  }

  collection<T extends Document = Document>(name: string): ReadCollection<T> {
    return new MongoCollection<T>(this.db.collection(name), this.normalize);
  }

  /** Drops before creations: a changed index keeps its name, and createIndexes refuses a taken one. */
  async ensureIndexes(collection: string, indexes: IndexSpec[]): Promise<void> {
    const target = this.db.collection(collection);
    const plan = planIndexes(await this.indexesOf(collection), indexes);
    for (const { name, reason } of plan.drop) {
      try {
        await target.dropIndex(name);
      } catch (error) {
        // Another process reconciling the same collection dropped it first.
        if (!hasCode(error, INDEX_NOT_FOUND)) throw error;
      }
      const rebuilt = indexes.some((index) => index.name === name);
      this.logger.warn(`Index ${collection}.${name} ${reason}: dropped${rebuilt ? ', built again' : ''}`);
    }
    // The server refuses an empty createIndexes.
    if (plan.create.length > 0) await target.createIndexes(plan.create);
  }

  async listIndexes(collection: string): Promise<IndexSpec[]> {
    return (await this.indexesOf(collection))
      .filter((info) => info.name !== ID_INDEX)
      .map(toIndexSpec)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /**
   * Every index is built on its `from` collection before any rename, so that the renames follow
   * one another closely and each `to` is indexed from the moment it holds the new documents.
   */
  async replaceCollections(replacements: CollectionReplacement[]): Promise<void> {
    checkReplacements(replacements);
    const existing = new Set(
      (await this.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name),
    );
    for (const { from, indexes } of replacements)
      if (existing.has(from)) await this.ensureIndexes(from, indexes);
    for (const { from, to, indexes } of replacements) {
      if (existing.has(from)) {
        await this.db.renameCollection(from, to, { dropTarget: true });
      } else {
        await this.drop(to);
        await this.ensureIndexes(to, indexes);
      }
    }
  }

  /**
   * A multi-document transaction. The driver retries `work` on transient errors, so it may run
   * more than once: it must not have effects outside `tx`.
   */
  async transaction<R>(work: (tx: ReadStoreTransaction) => Promise<R>): Promise<R> {
    const session = this.client.startSession();
    try {
      return await session.withTransaction(() =>
        work(new MongoTransaction(this.db, this.normalize, session)),
      );
    } finally {
      await session.endSession();
    }
  }

  async drop(collection: string): Promise<void> {
    try {
      await this.db.collection(collection).drop();
    } catch (error) {
      // Servers before 7.0 refuse to drop a collection that does not exist.
      if (!hasCode(error, NAMESPACE_NOT_FOUND)) throw error;
    }
  }

  async ping(): Promise<void> {
    await this.db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** listIndexes of a collection that does not exist answers NamespaceNotFound: it has none. */
  private async indexesOf(collection: string): Promise<IndexDescriptionInfo[]> {
    try {
      return await this.db.collection(collection).listIndexes().toArray();
    } catch (error) {
      if (hasCode(error, NAMESPACE_NOT_FOUND)) return [];
      throw error;
    }
  }
}

class MongoTransaction implements ReadStoreTransaction {
  constructor(
    private readonly db: Db,
    private readonly normalize: TextNormalizer,
    private readonly session: ClientSession,
  ) {}

  collection<T extends Document = Document>(name: string): ReadCollection<T> {
    return new MongoCollection<T>(this.db.collection(name), this.normalize, this.session);
  }
}

/** Every operation carries the session, if any: that is what puts it inside the transaction. */
class MongoCollection<T extends Document> implements ReadCollection<T> {
  constructor(
    private readonly collection: Collection<Document>,
    private readonly normalize: TextNormalizer,
    private readonly session?: ClientSession,
  ) {}

  findById(id: string): Promise<T | null> {
    return this.collection.findOne<T>({ _id: id }, { session: this.session });
  }

  async findByIds(ids: string[]): Promise<T[]> {
    if (ids.length === 0) return [];
    return this.collection.find<T>({ _id: { $in: ids } }, { session: this.session }).toArray();
  }

  find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    return this.cursor(filter, options).toArray();
  }

  count(filter: Filter): Promise<number> {
    return this.collection.countDocuments(toMongoFilter(filter, this.normalize), { session: this.session });
  }

  async distinctKeys(filter: Filter, field: string): Promise<string[]> {
    const pipeline = distinctKeysPipeline(toMongoFilter(filter, this.normalize), field);
    const keys = await this.collection
      .aggregate<{ _id: string }>(pipeline, { session: this.session })
      .toArray();
    return keys.map((key) => key._id);
  }

  stream(filter: Filter, options: FindOptions = {}): AsyncIterable<T> {
    return this.cursor(filter, options);
  }

  async upsert(doc: T): Promise<void> {
    await this.collection.replaceOne({ _id: doc._id }, doc, { upsert: true, session: this.session });
  }

  async upsertMany(docs: T[]): Promise<void> {
    if (docs.length === 0) return;
    // Ordered: applied one after the other, so a later document with the same _id wins.
    await this.collection.bulkWrite(
      docs.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })),
      { ordered: true, session: this.session },
    );
  }

  async update(id: string, fields: Partial<Omit<T, '_id'>>): Promise<boolean> {
    const result = await this.collection.updateOne({ _id: id }, { $set: fields }, { session: this.session });
    return result.matchedCount > 0;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.collection.deleteOne({ _id: id }, { session: this.session })).deletedCount > 0;
  }

  async deleteMany(filter: Filter): Promise<number> {
    return (
      await this.collection.deleteMany(toMongoFilter(filter, this.normalize), { session: this.session })
    ).deletedCount;
  }

  private cursor(filter: Filter, { sort, skip, limit }: FindOptions) {
    return this.collection.find<T>(toMongoFilter(filter, this.normalize), {
      sort,
      skip,
      limit,
      session: this.session,
    });
  }
}

function hasCode(error: unknown, code: number): boolean {
  return error instanceof MongoServerError && error.code === code;
}
