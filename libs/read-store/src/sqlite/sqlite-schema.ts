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
export function indexName(collection: string, index: IndexSpec): string {
  return `${identifier('collection', collection)}__${identifier('index', index.name)}`;
}

/**
 * The statement as SQLite keeps it in sqlite_master (which drops `IF NOT EXISTS`): comparing the
 * two tells whether an index is still the one specified, expressions included, which matters as
 * SQLite uses an expression index only for a query spelling the expression the same way.
 */
export function createIndexSql(collection: string, index: IndexSpec): string {
  const keys = index.fields.map(
    ([field, direction]) => `${fieldExpression(field)} ${sqlDirection(direction)}`,
  );
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX "${indexName(collection, index)}" ON ${tableName(collection)} (${keys.join(', ')})`;
}

/** The indexes created on a collection's table: those of its primary key have no SQL and are SQLite's. */
export const TABLE_INDEXES_SQL = `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name`;

export interface StoredIndex {
  name: string;
  sql: string;
}

const STORED_INDEX = /^CREATE (UNIQUE )?INDEX "([^"]+)" ON "[^"]+" \((.*)\)$/s;
const KEY = /^(?:json_extract\(doc, '\$\.([A-Za-z0-9_.]+)'\)|(_id)) (ASC|DESC)$/;

/**
 * An index's definition read back from its SQL, in the port's terms. A key this store would not
 * have written (an index made by hand) keeps its SQL expression as its field.
 */
export function storedIndexSpec(collection: string, { name, sql }: StoredIndex): IndexSpec {
  const [, unique, , keys = ''] = STORED_INDEX.exec(sql) ?? [];
  // Commas also separate json_extract's arguments: a key starts where a field expression does.
  const fields = keys.split(/, (?=json_extract\(doc, |_id )/).map((key): [string, 1 | -1] => {
    const [, path, id, direction] = KEY.exec(key) ?? [];
    if (!direction) return [key, 1];
    return [path ?? id, direction === 'ASC' ? 1 : -1];
  });
  const prefix = `${collection}__`;
  return {
    name: name.startsWith(prefix) ? name.slice(prefix.length) : name,
    fields,
    ...(unique ? { unique: true } : {}),
  };
}

export const TABLE_EXISTS_SQL = `SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = ?`;

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
