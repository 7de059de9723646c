import type { Document, Filter, FindOptions, ReadCollection, TextNormalizer } from '../read-store.port';
import type { SqliteConnection } from './sqlite-connection';
import { jsonPath, orderByClause, whereClause, type SqlFragment } from './sqlite-filter';
import { createTableSql, isMissingTable, tableName } from './sqlite-schema';

/** How a collection reaches the database, which differs inside and outside a transaction. */
export interface SqliteAccess {
  /** Outside a transaction the shared reader (committed data only); inside, the transaction's own connection. */
  readConnection(): SqliteConnection;
  /** Outside a transaction: queued behind any open transaction. Inside: run at once, within it. */
  write<R>(command: (writer: SqliteConnection) => R): Promise<R>;
  /**
   * A private read-only connection for one stream: its statement stays open across the consumer's
   * awaits, which would make a shared connection refuse every other query meanwhile. Absent
   * inside a transaction, whose uncommitted writes only its own connection sees.
   */
  leaseStreamConnection?(): StreamConnectionLease;
}

export interface StreamConnectionLease {
  connection: SqliteConnection;
  release(): void;
}

/**
 * Rows written by one INSERT statement: 200 bound values, far under SQLite's limit; longer
 * statements (200, 400 rows) gain nothing more. Later rows with the same `_id` update the earlier
 * ones, in order, as separate statements would.
 */
const ROWS_PER_STATEMENT = 100;

/** Inside a transaction a stream is read as a series of pages, leaving the connection free between them. */
const STREAM_PAGE_SIZE = 500;

interface DocRow {
  doc: string;
}

const parseDoc = <T>(row: DocRow): T => JSON.parse(row.doc) as T;

export class SqliteCollection<T extends Document> implements ReadCollection<T> {
  private readonly table: string;

  constructor(
    private readonly name: string,
    private readonly access: SqliteAccess,
    private readonly normalize: TextNormalizer,
  ) {
    this.table = tableName(name);
  }

  async findById(id: string): Promise<T | null> {
    const row = this.read(
      (c) => c.get<DocRow>(`SELECT doc FROM ${this.table} WHERE _id = ?`, [id]),
      undefined,
    );
    return row ? parseDoc<T>(row) : null;
  }

  async findByIds(ids: string[]): Promise<T[]> {
    if (ids.length === 0) return [];
    // One id (a client's group, a checkpoint): the primary-key lookup; through json_each it cost
    // ~40 % more (GET /clients/:id profile, BENCHMARKS.md (i)).
    if (ids.length === 1) {
      const found = await this.findById(ids[0]);
      return found ? [found] : [];
    }
    // One JSON parameter instead of one per id: no chunking under SQLite's bound-parameter limit.
    const sql = `SELECT doc FROM ${this.table} WHERE _id IN (SELECT value FROM json_each(?))`;
    return this.read((c) => c.all<DocRow>(sql, [JSON.stringify(ids)]), []).map((row) => parseDoc<T>(row));
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    const query = this.selectQuery(filter, options);
    return this.read((c) => c.all<DocRow>(query.sql, query.params), []).map((row) => parseDoc<T>(row));
  }

  async count(filter: Filter): Promise<number> {
    const where = whereClause(filter, this.normalize);
    const sql = `SELECT count(*) AS count FROM ${this.table} ${where.sql}`;
    const row = this.read((c) => c.get<{ count: number }>(sql, where.params), undefined);
    return row?.count ?? 0;
  }

  /** json_each walks each document's object in SQLite itself: no document reaches JavaScript. */
  async distinctKeys(filter: Filter, field: string): Promise<string[]> {
    const where = whereClause(filter, this.normalize);
    // json_each yields a NULL key for a scalar and integer keys for an array: only object keys count.
    const objectKeys = `typeof(entry.key) = 'text'`;
    const sql = `SELECT DISTINCT entry.key AS key FROM ${this.table}, json_each(doc, ?) AS entry ${
      where.sql ? `${where.sql} AND ${objectKeys}` : `WHERE ${objectKeys}`
    } ORDER BY key`;
    const rows = this.read((c) => c.all<{ key: string }>(sql, [jsonPath(field), ...where.params]), []);
    return rows.map((row) => row.key);
  }

  async *stream(filter: Filter, options: FindOptions = {}): AsyncIterable<T> {
    const lease = this.access.leaseStreamConnection?.();
    if (!lease) {
      yield* this.streamPages(filter, options);
      return;
    }
    try {
      const query = this.selectQuery(filter, options);
      const rows = this.read(
        (c) => c.iterate<DocRow>(query.sql, query.params),
        [] as Iterable<DocRow>,
        lease.connection,
      );
      for (const row of rows) yield parseDoc<T>(row);
    } finally {
      lease.release();
    }
  }

  async upsert(doc: T): Promise<void> {
    await this.upsertMany([doc]);
  }

  /**
   * Multi-row INSERT statements of ROWS_PER_STATEMENT documents, all in one call: a projection's
   * batch writes thousands, and an awaited call per document added half again to SQLite's own
   * work; a statement run per document paid its fixed cost (binding, stepping, resetting) for each,
   * a third of the write time of small documents such as a log's (which the writer's in-memory
   * temp store makes possible, see SqliteConnection.open).
   */
  async upsertMany(docs: T[]): Promise<void> {
    if (docs.length === 0) return;
    const values: string[] = new Array<string>(docs.length * 2);
    docs.forEach((doc, i) => {
      if (typeof doc._id !== 'string') throw new Error('A document needs a string _id');
      values[2 * i] = doc._id;
      values[2 * i + 1] = JSON.stringify(doc);
    });
    const upsert = (rows: number) =>
      `INSERT INTO ${this.table} (_id, doc) VALUES ${'(?, ?), '.repeat(rows - 1)}(?, ?) ON CONFLICT (_id) DO UPDATE SET doc = excluded.doc`;
    await this.access.write((writer) => {
      try {
        writer.runRows(upsert, values, 2, ROWS_PER_STATEMENT);
      } catch (error) {
        // Raised as the statement is prepared, before any row is written.
        if (!isMissingTable(error)) throw error;
        writer.exec(createTableSql(this.name));
        writer.runRows(upsert, values, 2, ROWS_PER_STATEMENT);
      }
    });
  }

  async update(id: string, fields: Partial<Omit<T, '_id'>>): Promise<boolean> {
    const entries = Object.entries(fields);
    if (entries.some(([field]) => field === '_id')) throw new Error('update cannot change _id');
    // json_set replaces each field whole, as MongoDB's $set does; json_patch would merge nested
    // objects and delete fields set to null. Paths are bound too: the SQL varies only by count.
    const sql = `UPDATE ${this.table} SET doc = json_set(doc${', ?, json(?)'.repeat(entries.length)}) WHERE _id = ?`;
    const params = [
      ...entries.flatMap(([field, value]) => [jsonPath(field), JSON.stringify(value ?? null)]),
      id,
    ];
    return (await this.write((writer) => writer.run(sql, params))) > 0;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.write((writer) => writer.run(`DELETE FROM ${this.table} WHERE _id = ?`, [id]))) > 0;
  }

  async deleteMany(filter: Filter): Promise<number> {
    const where = whereClause(filter, this.normalize);
    return this.write((writer) => writer.run(`DELETE FROM ${this.table} ${where.sql}`, where.params));
  }

  private selectQuery(filter: Filter, { sort, skip = 0, limit = 0 }: FindOptions): SqlFragment {
    if (!Number.isInteger(skip) || skip < 0 || !Number.isInteger(limit) || limit < 0) {
      throw new Error(`skip and limit must be non-negative integers, got ${skip} and ${limit}`);
    }
    const where = whereClause(filter, this.normalize);
    const clauses = [`SELECT doc FROM ${this.table}`, where.sql, orderByClause(sort), 'LIMIT ? OFFSET ?'];
    // limit 0 means "no limit", as in MongoDB; SQLite spells it -1.
    return { sql: clauses.filter(Boolean).join(' '), params: [...where.params, limit || -1, skip] };
  }

  private async *streamPages(filter: Filter, { sort, skip = 0, limit = 0 }: FindOptions): AsyncIterable<T> {
    for (let read = 0; ;) {
      const pageSize = limit ? Math.min(STREAM_PAGE_SIZE, limit - read) : STREAM_PAGE_SIZE;
      if (pageSize <= 0) return;
      const page = await this.find(filter, { sort, skip: skip + read, limit: pageSize });
      yield* page;
      if (page.length < pageSize) return;
      read += page.length;
    }
  }

  /** A collection has no table before its first write: until then it reads as empty. */
  private read<R>(
    query: (connection: SqliteConnection) => R,
    whenMissing: R,
    connection = this.access.readConnection(),
  ): R {
    try {
      return query(connection);
    } catch (error) {
      if (isMissingTable(error)) return whenMissing;
      throw error;
    }
  }

  /** Updates and deletes of a collection that has no table yet change nothing. */
  private write(command: (writer: SqliteConnection) => number): Promise<number> {
    return this.access.write((writer) => {
      try {
        return command(writer);
      } catch (error) {
        if (isMissingTable(error)) return 0;
        throw error;
      }
    });
  }
}
