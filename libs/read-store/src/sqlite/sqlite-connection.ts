import Database from 'better-sqlite3';
import type { SqlValue } from './sqlite-filter';

export interface SqliteConnectionOptions {
  readonly: boolean;
  /** for the writing connection only; journal mode and durability are properties of the writer */
  synchronous?: 'NORMAL' | 'FULL';
  /** for the writing connection: false turns SQLite's automatic checkpoint off (SqliteReadStoreOptions) */
  autoCheckpoint?: boolean;
}

/**
 * 16 KB pages rather than SQLite's 4 KB: a projection's batch writes documents scattered over each
 * table by their UUIDs, dirtying pages all over it. With larger pages the same bytes go in far
 * fewer writes, reads and fsyncs, and the b-trees are shallower: a rebuild of 100k clients took
 * ~5.1 s instead of ~6.3 s (BENCHMARKS.md, (b)). Reads that jump from document to document pay a
 * little: an export in name order, ~0.25 s in 2.7 s. Only a new file takes it (see open()).
 */
export const PAGE_SIZE = 16384;

/**
 * One better-sqlite3 connection, its prepared statements cached by SQL text. Values are always
 * bound and `$in` lists are one JSON parameter, so the SQL text depends only on a query's shape
 * and the cache stays as small as the set of queries the code base makes.
 */
export class SqliteConnection {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly iterators = new Set<IterableIterator<unknown>>();

  private constructor(private readonly db: Database.Database) {}

  static open(filename: string, options: SqliteConnectionOptions): SqliteConnection {
    const db = new Database(filename, { readonly: options.readonly });
    if (!options.readonly) {
      // Before anything is written: only a new file takes it (an existing one keeps its size).
      db.pragma(`page_size = ${PAGE_SIZE}`);
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
      // A multi-row upsert stages its rows in a temporary table: in a file, a rebuild wrote 9.0 GB
      // instead of 1.9. Index builds spill their sorts into memory too.
      db.pragma('temp_store = MEMORY');
      if (options.autoCheckpoint === false) db.pragma('wal_autocheckpoint = 0');
    }
    return new SqliteConnection(db);
  }

  all<Row>(sql: string, params: SqlValue[] = []): Row[] {
    return this.statement(sql).all(...params) as Row[];
  }

  get<Row>(sql: string, params: SqlValue[] = []): Row | undefined {
    return this.statement(sql).get(...params) as Row | undefined;
  }

  /**
   * Keeps the connection busy, refusing any other statement, until the rows are read to the end
   * or returned: only a stream's private connection iterates, once.
   */
  iterate<Row>(sql: string, params: SqlValue[] = []): IterableIterator<Row> {
    const rows = this.statement(sql).iterate(...params) as IterableIterator<Row>;
    this.iterators.add(rows);
    return rows;
  }

  /** Runs a write; the number of rows it changed. */
  run(sql: string, params: SqlValue[] = []): number {
    return this.statement(sql).run(...params).changes;
  }

  /**
   * Runs a write of many rows of `width` values each (`values`, row after row), `perStatement` rows
   * at a time with the statement `sql(perStatement)` and the rest one by one with `sql(1)`, each
   * statement prepared (or found) once: two statements per shape in the cache, whatever the counts.
   */
  runRows(sql: (rows: number) => string, values: SqlValue[], width: number, perStatement: number): void {
    const chunk = width * perStatement;
    let at = 0;
    if (values.length >= chunk) {
      const statement = this.statement(sql(perStatement));
      for (; at + chunk <= values.length; at += chunk) statement.run(values.slice(at, at + chunk));
    }
    if (at === values.length) return;
    const single = this.statement(sql(1));
    for (; at < values.length; at += width) single.run(values.slice(at, at + width));
  }

  exec(sql: string): void {
    this.db.exec(sql);
  }

  get inTransaction(): boolean {
    return this.db.inTransaction;
  }

  /** Ends what is still iterating first: better-sqlite3 refuses to close a busy connection. */
  close(): void {
    for (const rows of this.iterators) rows.return?.();
    this.iterators.clear();
    this.statements.clear();
    this.db.close();
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
