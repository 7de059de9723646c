import { AsyncLocalStorage } from 'node:async_hooks';
import type {
  Document,
  IndexSpec,
  ReadCollection,
  ReadStore,
  ReadStoreTransaction,
  TextNormalizer,
} from '../read-store.port';
import { SqliteCollection, type SqliteAccess, type StreamConnectionLease } from './sqlite-collection';
import { SqliteConnection } from './sqlite-connection';
import { createIndexSql, createTableSql, dropTableSql } from './sqlite-schema';

export interface SqliteReadStoreOptions {
  filename: string;
  /**
   * NORMAL (default) may lose the last commits on power loss but never corrupts the file, which
   * is enough: read models can always be rebuilt from the event store. FULL makes every commit durable.
   */
  synchronous?: 'NORMAL' | 'FULL';
  /** what `$contains` applies to its needle: the domain's normalizeText, given by the composition root */
  normalizeText: TextNormalizer;
}

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
  /** The transaction whose work is running in the current async context, if any. */
  private readonly currentTransaction = new AsyncLocalStorage<SqliteTransaction>();
  private readonly outsideTransaction: SqliteAccess = {
    readConnection: () => this.reader,
    write: (command) => this.enqueueWrite(() => command(this.writer)),
    leaseStreamConnection: () => this.leaseStreamConnection(),
  };

  constructor(private readonly options: SqliteReadStoreOptions) {
    const { synchronous = 'NORMAL' } = options;
    // Without it `$contains` could only compare unfolded text: refused here rather than at the first search.
    if (typeof options.normalizeText !== 'function') throw new Error('normalizeText is required');
    // Written into a PRAGMA, and likely to come from configuration: checked, not trusted.
    if (synchronous !== 'NORMAL' && synchronous !== 'FULL')
      throw new Error(`synchronous must be NORMAL or FULL, got ${synchronous}`);
    // The writer first: it creates the file and switches it to WAL before the reader opens it.
    this.writer = SqliteConnection.open(options.filename, { readonly: false, synchronous });
    this.reader = SqliteConnection.open(options.filename, { readonly: true });
  }

  collection<T extends Document = Document>(name: string): ReadCollection<T> {
    return new SqliteCollection<T>(name, this.outsideTransaction, this.options.normalizeText);
  }

  async ensureIndexes(collection: string, indexes: IndexSpec[]): Promise<void> {
    const statements = [
      createTableSql(collection),
      ...indexes.map((index) => createIndexSql(collection, index)),
    ];
    await this.enqueueWrite(() => statements.forEach((sql) => this.writer.exec(sql)));
  }

  /**
   * Inside `work`, write through `tx` only: a write through the store itself would wait for this
   * very transaction to end, so it is refused with an error instead of deadlocking.
   */
  transaction<R>(work: (tx: ReadStoreTransaction) => Promise<R>): Promise<R> {
    return this.enqueueWrite(async () => {
      const tx = new SqliteTransaction(this.writer, this.options.normalizeText);
      // IMMEDIATE takes the write lock now, so another process cannot make COMMIT fail as busy.
      this.writer.exec('BEGIN IMMEDIATE');
      try {
        const result = await this.currentTransaction.run(tx, () => work(tx));
        this.writer.exec('COMMIT');
        return result;
      } catch (error) {
        // SQLite has already rolled back after some errors (e.g. disk full).
        if (this.writer.inTransaction) this.writer.exec('ROLLBACK');
        throw error;
      } finally {
        tx.end();
      }
    });
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

  private enqueueWrite<R>(job: () => R | Promise<R>): Promise<R> {
    if (this.currentTransaction.getStore()?.isOpen) {
      const message =
        'Inside transaction(), write through tx.collection(): this write would wait for the transaction to end';
      return Promise.reject(new Error(message));
    }
    const result = this.writeQueue.then(job);
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
