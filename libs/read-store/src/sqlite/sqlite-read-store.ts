import { checkReplacements } from '../check-replacements';
import {
  PROCESS_WARNINGS,
  type CollectionReplacement,
  type Document,
  type IndexSpec,
  type ReadCollection,
  type ReadStore,
  type ReadStoreLogger,
  type ReadStoreTransaction,
  type TextNormalizer,
} from '../read-store.port';
import { SqliteCollection, type SqliteAccess, type StreamConnectionLease } from './sqlite-collection';
import { SqliteConnection } from './sqlite-connection';
import {
  createIndexSql,
  createTableSql,
  dropTableSql,
  indexName,
  storedIndexSpec,
  TABLE_EXISTS_SQL,
  TABLE_INDEXES_SQL,
  tableName,
  type StoredIndex,
} from './sqlite-schema';

export interface SqliteReadStoreOptions {
  filename: string;
  /**
   * NORMAL (default) may lose the last commits on power loss but never corrupts the file, which
   * is enough: read models can always be rebuilt from the event store. FULL makes every commit durable.
   */
  synchronous?: 'NORMAL' | 'FULL';
  /** what `$contains` applies to its needle: the domain's normalizeText, given by the composition root */
  normalizeText: TextNormalizer;
  /** where dropped and rebuilt indexes, and stalled transactions, are reported; default: Node's process warnings */
  logger?: ReadStoreLogger;
  /**
   * After this long open with writes of the store itself waiting behind it, a transaction is
   * reported as most likely waiting for one of them (see transaction()). Default 30 s.
   */
  stalledTransactionMs?: number;
  /**
   * false: commits never copy the write-ahead log into the database (SQLite's automatic checkpoint,
   * inside the COMMIT that takes it past 1,000 pages, on the projector's path); something else
   * must checkpoint the file, or the log grows without bound (the platform's WalCheckpointer, off
   * the main thread). Default true.
   */
  autoCheckpoint?: boolean;
}

const STALLED_TRANSACTION_MS = 30_000;

/**
 * The embedded read store: one SQLite file in WAL mode, one table per collection
 * (`_id TEXT PRIMARY KEY, doc TEXT` holding the JSON), created by its first write.
 *
 * better-sqlite3 is synchronous but a transaction's work is async, so the store keeps two
 * connections: a writer, on which transactions run one at a time, and a reader, whose WAL
 * snapshot only ever shows committed data. Writes made outside a transaction wait in the same
 * queue as transactions, so they never join, nor get rolled back with, the one that is open.
 */
export class SqliteReadStore implements ReadStore {
  private readonly writer: SqliteConnection;
  private readonly reader: SqliteConnection;
  private readonly streamConnections = new Set<SqliteConnection>();
  /** Settles when the last queued write or transaction has; never rejects. */
  private writeQueue: Promise<unknown> = Promise.resolve();
  /** Writes and transactions in the write queue, not yet started. */
  private writesWaiting = 0;
  private readonly outsideTransaction: SqliteAccess = {
    readConnection: () => this.reader,
    write: (command) => this.enqueueWrite(() => command(this.writer)),
    leaseStreamConnection: () => this.leaseStreamConnection(),
  };

  private readonly logger: ReadStoreLogger;

  constructor(private readonly options: SqliteReadStoreOptions) {
    const { synchronous = 'NORMAL' } = options;
    // Without it `$contains` could only compare unfolded text: refused here rather than at the first search.
    if (typeof options.normalizeText !== 'function') throw new Error('normalizeText is required');
    // Written into a PRAGMA, and likely to come from configuration: checked, not trusted.
    if (synchronous !== 'NORMAL' && synchronous !== 'FULL')
      throw new Error(`synchronous must be NORMAL or FULL, got ${synchronous}`);
    // The writer first: it creates the file and switches it to WAL before the reader opens it.
    this.writer = SqliteConnection.open(options.filename, {
      readonly: false,
      synchronous,
      autoCheckpoint: options.autoCheckpoint,
    });
    this.reader = SqliteConnection.open(options.filename, { readonly: true });
    this.logger = options.logger ?? PROCESS_WARNINGS;
  }

  collection<T extends Document = Document>(name: string): ReadCollection<T> {
    return new SqliteCollection<T>(name, this.outsideTransaction, this.options.normalizeText);
  }

  async ensureIndexes(collection: string, indexes: IndexSpec[]): Promise<void> {
    const wanted = wantedIndexes(collection, indexes);
    // One transaction: readers never see the index gone between its drop and its new build.
    await this.enqueueWrite(() => this.inWriteTransaction(() => this.reconcileIndexes(collection, wanted)));
  }

  async listIndexes(collection: string): Promise<IndexSpec[]> {
    return this.reader
      .all<StoredIndex>(TABLE_INDEXES_SQL, [collection])
      .map((index) => storedIndexSpec(collection, index))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /**
   * One transaction: readers see every `to` as it was until it commits. Indexes are built after
   * the rename, inside it, under the names of `to` (SQLite renames a table, not its indexes).
   */
  async replaceCollections(replacements: CollectionReplacement[]): Promise<void> {
    checkReplacements(replacements);
    const planned = replacements.map((r) => ({ ...r, wanted: wantedIndexes(r.to, r.indexes) }));
    await this.enqueueWrite(() =>
      this.inWriteTransaction(() => {
        for (const { from, to, wanted } of planned) {
          this.writer.exec(dropTableSql(to));
          if (this.writer.get(TABLE_EXISTS_SQL, [from]))
            this.writer.exec(`ALTER TABLE ${tableName(from)} RENAME TO ${tableName(to)}`);
          this.reconcileIndexes(to, wanted);
        }
      }),
    );
  }

  /**
   * Inside `work`, write through `tx` only: a write through the store itself waits for this very
   * transaction to end, which waits for it. That wait is reported (logger.warn) once the
   * transaction has been open `stalledTransactionMs` with such writes waiting, not refused: telling
   * a write from inside `work` from one of another caller would take an AsyncLocalStorage, whose
   * hooks on Node 20 slow every promise of the process (~5 % of a query's CPU in the standalone).
   */
  transaction<R>(work: (tx: ReadStoreTransaction) => Promise<R>): Promise<R> {
    return this.enqueueWrite(async () => {
      const tx = new SqliteTransaction(this.writer, this.options.normalizeText);
      const stalled = setTimeout(() => {
        if (this.writesWaiting === 0) return;
        this.logger.warn(
          `A read-store transaction has been open ${this.stalledTransactionMs / 1000} s with ${this.writesWaiting} ` +
            'writes of the store waiting behind it: a write through the store from inside transaction() waits for ' +
            'the transaction, which waits for it; write through tx.collection()',
        );
      }, this.stalledTransactionMs).unref();
      // IMMEDIATE takes the write lock now, so another process cannot make COMMIT fail as busy.
      this.writer.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(tx);
        this.writer.exec('COMMIT');
        return result;
      } catch (error) {
        // SQLite has already rolled back after some errors (e.g. disk full).
        if (this.writer.inTransaction) this.writer.exec('ROLLBACK');
        throw error;
      } finally {
        clearTimeout(stalled);
        tx.end();
      }
    });
  }

  private get stalledTransactionMs(): number {
    return this.options.stalledTransactionMs ?? STALLED_TRANSACTION_MS;
  }

  async drop(collection: string): Promise<void> {
    const sql = dropTableSql(collection);
    await this.enqueueWrite(() => this.writer.exec(sql));
  }

  async ping(): Promise<void> {
    this.reader.get('SELECT 1');
  }

  /** Waits for queued writes and the open transaction, then closes every connection: open streams end. */
  async close(): Promise<void> {
    await this.writeQueue;
    for (const connection of this.streamConnections) connection.close();
    this.streamConnections.clear();
    this.reader.close();
    this.writer.close();
  }

  /** On the writer, in the write queue: `wanted` maps each index name to its statement. */
  private reconcileIndexes(collection: string, wanted: Map<string, string>): void {
    this.writer.exec(createTableSql(collection));
    const missing = new Map(wanted);
    for (const { name, sql } of this.writer.all<StoredIndex>(TABLE_INDEXES_SQL, [collection])) {
      const specified = wanted.get(name);
      if (specified === sql) {
        missing.delete(name);
        continue;
      }
      this.writer.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
      this.logger.warn(
        specified
          ? `Index ${name} changed from ${sql} to ${specified}: dropped, built again`
          : `Index ${name} no longer in the specification: dropped`,
      );
    }
    for (const sql of missing.values()) this.writer.exec(sql);
  }

  private inWriteTransaction(work: () => void): void {
    this.writer.exec('BEGIN IMMEDIATE');
    try {
      work();
      this.writer.exec('COMMIT');
    } catch (error) {
      if (this.writer.inTransaction) this.writer.exec('ROLLBACK');
      throw error;
    }
  }

  private enqueueWrite<R>(job: () => R | Promise<R>): Promise<R> {
    this.writesWaiting++;
    const result = this.writeQueue.then(() => {
      this.writesWaiting--;
      return job();
    });
    this.writeQueue = result.catch(() => undefined);
    return result;
  }

  private leaseStreamConnection(): StreamConnectionLease {
    const connection = SqliteConnection.open(this.options.filename, { readonly: true });
    this.streamConnections.add(connection);
    return {
      connection,
      release: () => {
        if (this.streamConnections.delete(connection)) connection.close();
      },
    };
  }
}

/** Each specified index's name and statement; validated before anything is written. */
function wantedIndexes(collection: string, indexes: IndexSpec[]): Map<string, string> {
  const wanted = new Map(
    indexes.map((index) => [indexName(collection, index), createIndexSql(collection, index)]),
  );
  if (wanted.size !== indexes.length) throw new Error(`Two indexes of ${collection} share a name`);
  return wanted;
}

/** The writer, lent to one transaction's work until it commits or rolls back. */
class SqliteTransaction implements ReadStoreTransaction {
  private open = true;
  private readonly access: SqliteAccess = {
    readConnection: () => this.connection(),
    write: async (command) => command(this.connection()),
  };

  constructor(
    private readonly writer: SqliteConnection,
    private readonly normalize: TextNormalizer,
  ) {}

  get isOpen(): boolean {
    return this.open;
  }

  collection<T extends Document = Document>(name: string): ReadCollection<T> {
    return new SqliteCollection<T>(name, this.access, this.normalize);
  }

  end(): void {
    this.open = false;
  }

  /** A `tx` kept after its transaction ended would otherwise write outside any transaction. */
  private connection(): SqliteConnection {
    if (!this.open) throw new Error('This transaction has ended');
    return this.writer;
  }
}
