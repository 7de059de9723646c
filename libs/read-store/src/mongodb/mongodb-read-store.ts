import {
  MongoClient,
  MongoServerError,
  type ClientSession,
  type Collection,
  type Db,
  type IndexDescription,
  type MongoClientOptions,
} from 'mongodb';
import type {
  Document,
  Filter,
  FindOptions,
  IndexSpec,
  ReadCollection,
  ReadStore,
  ReadStoreTransaction,
  TextNormalizer,
} from '../read-store.port';
import { toMongoFilter } from './mongodb-filter';

export interface MongoReadStoreOptions {
  /** e.g. mongodb://localhost:27017/?replicaSet=rs0 — transactions need a replica set */
  url: string;
  databaseName: string;
  clientOptions?: MongoClientOptions;
  /** what `$contains` applies to its needle: the domain's normalizeText, given by the composition root */
  normalizeText: TextNormalizer;
}

/**
 * The port's query language is a subset of MongoDB's, so this adapter passes almost everything
 * through; only `$contains` is translated (to an escaped, normalised `$regex`).
 */
export class MongoReadStore implements ReadStore {
  private readonly client: MongoClient;
  private readonly db: Db;
  private readonly normalize: TextNormalizer;

  /** The driver connects on the first operation; `ping()` checks the server is reachable. */
  constructor(options: MongoReadStoreOptions) {
    if (typeof options.normalizeText !== 'function') throw new Error('normalizeText is required');
    this.client = new MongoClient(options.url, options.clientOptions);
    this.db = this.client.db(options.databaseName);
    this.normalize = options.normalizeText;
  }

  collection<T extends Document = Document>(name: string): ReadCollection<T> {
    return new MongoCollection<T>(this.db.collection(name), this.normalize);
  }

  async ensureIndexes(collection: string, indexes: IndexSpec[]): Promise<void> {
    // The server refuses an empty createIndexes; with the same specs again it does nothing.
    if (indexes.length > 0)
      await this.db.collection(collection).createIndexes(indexes.map(toIndexDescription));
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
      if (!(error instanceof MongoServerError && error.codeName === 'NamespaceNotFound')) throw error;
    }
  }

  async ping(): Promise<void> {
    await this.db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.client.close();
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
    const keys = await this.collection
      .aggregate<{ _id: string }>(
        [
          { $match: toMongoFilter(filter, this.normalize) },
          { $project: { entries: { $objectToArray: `$${field}` } } },
          { $unwind: '$entries' },
          { $group: { _id: '$entries.k' } },
          { $sort: { _id: 1 } },
        ],
        { session: this.session },
      )
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

function toIndexDescription({ name, fields, unique }: IndexSpec): IndexDescription {
  // Object keys keep insertion order (field names never look like integers), so the key is ordered.
  return { name, key: Object.fromEntries(fields), ...(unique ? { unique: true } : {}) };
}
