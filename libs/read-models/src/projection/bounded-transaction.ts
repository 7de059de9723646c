import type {
  Document,
  Filter,
  FindOptions,
  ReadCollection,
  ReadStoreTransaction,
} from '@dossiers/read-store';

/** Thrown inside a transaction about to write more than its bound: the transaction rolls back. */
export class TooManyWritesError extends Error {
  constructor(readonly limit: number) {
    super(`A transaction would write more than ${limit} documents`);
    this.name = 'TooManyWritesError';
  }
}

/**
 * `tx`, counting the documents written through it: the write that would take the count past
 * `limit` throws TooManyWritesError instead of being sent, so the store never holds more than
 * `limit` uncommitted writes. Reads pass through untouched.
 */
export function boundedTransaction(tx: ReadStoreTransaction, limit: number): ReadStoreTransaction {
  let written = 0;
  const tally = (documents: number) => {
    if (written + documents > limit) throw new TooManyWritesError(limit);
    written += documents;
  };
  return {
    collection: <T extends Document = Document>(name: string) =>
      new CountedCollection<T>(tx.collection<T>(name), tally),
  };
}

class CountedCollection<T extends Document> implements ReadCollection<T> {
  constructor(
    private readonly inner: ReadCollection<T>,
    private readonly tally: (documents: number) => void,
  ) {}

  findById(id: string): Promise<T | null> {
    return this.inner.findById(id);
  }
  findByIds(ids: string[]): Promise<T[]> {
    return this.inner.findByIds(ids);
  }
  find(filter: Filter, options?: FindOptions): Promise<T[]> {
    return this.inner.find(filter, options);
  }
  count(filter: Filter): Promise<number> {
    return this.inner.count(filter);
  }
  distinctKeys(filter: Filter, field: string): Promise<string[]> {
    return this.inner.distinctKeys(filter, field);
  }
  stream(filter: Filter, options?: FindOptions): AsyncIterable<T> {
    return this.inner.stream(filter, options);
  }
  async upsert(doc: T): Promise<void> {
    this.tally(1);
    await this.inner.upsert(doc);
  }
  async upsertMany(docs: T[]): Promise<void> {
    this.tally(docs.length);
    await this.inner.upsertMany(docs);
  }
  async update(id: string, fields: Partial<Omit<T, '_id'>>): Promise<boolean> {
    this.tally(1);
    return this.inner.update(id, fields);
  }
  async delete(id: string): Promise<boolean> {
    this.tally(1);
    return this.inner.delete(id);
  }
  /** A deletion by ids (what the engine sends) counts its ids; any other filter counts as one. */
  async deleteMany(filter: Filter): Promise<number> {
    const ids = filter._id;
    const listed = ids !== null && typeof ids === 'object' && Array.isArray(ids.$in) ? ids.$in.length : 1;
    this.tally(listed);
    return this.inner.deleteMany(filter);
  }
}
