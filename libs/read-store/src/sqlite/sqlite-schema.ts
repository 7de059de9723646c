import type { IndexSpec } from '../read-store.port';
import { fieldExpression, sqlDirection } from './sqlite-filter';

/** Collection and index names end up in SQL text, so they must be plain identifiers. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function identifier(kind: string, name: string): string {
  if (!IDENTIFIER.test(name))
    throw new Error(`Invalid ${kind} name ${JSON.stringify(name)}: expected an identifier`);
  return name;
}

/** The quoted table holding a collection. */
export function tableName(collection: string): string {
  return `"${identifier('collection', collection)}"`;
}

/** The whole document, `_id` included, is the JSON in `doc`; `_id` is repeated as the key. */
export function createTableSql(collection: string): string {
  return `CREATE TABLE IF NOT EXISTS ${tableName(collection)} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`;
}

/** SQLite index names are global to the file, so they are prefixed with their collection's. */
export function createIndexSql(collection: string, index: IndexSpec): string {
  const name = `"${identifier('collection', collection)}__${identifier('index', index.name)}"`;
  const keys = index.fields.map(
    ([field, direction]) => `${fieldExpression(field)} ${sqlDirection(direction)}`,
  );
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${name} ON ${tableName(collection)} (${keys.join(', ')})`;
}

export function dropTableSql(collection: string): string {
  return `DROP TABLE IF EXISTS ${tableName(collection)}`;
}

/**
 * Tables are created by the first write, so reading or deleting before it finds this error.
 * Duck-typed: the native addon keeps the SqliteError class it was first given, which under jest's
 * per-file module registries belongs to another realm, so `instanceof Error` can be false.
 */
export function isMissingTable(error: unknown): boolean {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message.startsWith('no such table');
}
