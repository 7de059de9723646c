import Database from 'better-sqlite3';
import type { IdempotencyStore, StoredResponse } from '../idempotency-store.port';

/** Embedded default: one table in its own SQLite file. `clock` is injectable for expiry tests. */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly select: Database.Statement;
  private readonly purge: Database.Statement;
  private saves = 0;

  constructor(
    filename: string,
    private readonly clock: () => number = Date.now,
  ) {
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency (
      scope TEXT NOT NULL, key TEXT NOT NULL, response TEXT NOT NULL, expires_at INTEGER NOT NULL,
      PRIMARY KEY (scope, key)) WITHOUT ROWID`);
    // An expired row is replaced by the next save under its key.
    this.insert = this.db
      .prepare(`INSERT INTO idempotency (scope, key, response, expires_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (scope, key) DO UPDATE SET response = excluded.response, expires_at = excluded.expires_at
      WHERE idempotency.expires_at <= ?`);
    this.select = this.db.prepare(
      'SELECT response FROM idempotency WHERE scope = ? AND key = ? AND expires_at > ?',
    );
    this.purge = this.db.prepare('DELETE FROM idempotency WHERE expires_at <= ?');
  }

  async find(scope: string, key: string): Promise<StoredResponse | null> {
    const row = this.select.get(scope, key, this.clock()) as { response: string } | undefined;
    return row ? (JSON.parse(row.response) as StoredResponse) : null;
  }

  async save(
    scope: string,
    key: string,
    response: StoredResponse,
    ttlSeconds: number,
  ): Promise<StoredResponse> {
    const now = this.clock();
    this.insert.run(scope, key, JSON.stringify(response), now + ttlSeconds * 1000, now);
    if (++this.saves % 1000 === 0) this.purge.run(now);
    return (await this.find(scope, key)) ?? response;
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
