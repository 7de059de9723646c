import { containsNeedle } from '../contains-needle';
import type { FieldCondition, Filter, Scalar, Sort, TextNormalizer } from '../read-store.port';

/** A piece of SQL and the values bound to its `?` placeholders, in order. */
export interface SqlFragment {
  sql: string;
  params: SqlValue[];
}

export type SqlValue = string | number | null;

/** Field names end up in SQL text (values never do), so only plain dotted identifiers pass. */
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * The SQL expression of a field. Queries, sorts and `CREATE INDEX` all go through here: SQLite
 * only uses an expression index when the query spells the expression exactly the same way.
 */
export function fieldExpression(field: string): string {
  return field === '_id' ? '_id' : `json_extract(doc, '${jsonPath(field)}')`;
}

/** The JSON path of a field inside `doc`: 'a.b' -> '$.a.b'. */
export function jsonPath(field: string): string {
  if (!FIELD_PATH.test(field))
    throw new Error(`Invalid field name ${JSON.stringify(field)}: expected dotted identifiers`);
  return `$.${field}`;
}

/** `WHERE ...` for a filter, or '' when it has no conditions; `$contains` needles go through `normalize`. */
export function whereClause(filter: Filter, normalize: TextNormalizer): SqlFragment {
  const conditions = Object.entries(filter).flatMap(([field, condition]) => {
    const expression = fieldExpression(field);
    return Object.entries(asFieldCondition(field, condition)).map(([operator, operand]) =>
      operatorSql(expression, operator, operand, normalize),
    );
  });
  return {
    sql: conditions.length > 0 ? `WHERE ${conditions.map((c) => c.sql).join(' AND ')}` : '',
    params: conditions.flatMap((c) => c.params),
  };
}

/** `ORDER BY ...` for a sort, or '' when there is none. NULL sorts first ascending, as in MongoDB. */
export function orderByClause(sort: Sort | undefined): string {
  if (!sort || sort.length === 0) return '';
  return `ORDER BY ${sort.map(([field, direction]) => `${fieldExpression(field)} ${sqlDirection(direction)}`).join(', ')}`;
}

export function sqlDirection(direction: number): 'ASC' | 'DESC' {
  if (direction !== 1 && direction !== -1)
    throw new Error(`Invalid sort direction ${direction}: expected 1 or -1`);
  return direction === 1 ? 'ASC' : 'DESC';
}

/** json_extract returns JSON true/false as 1/0, so booleans are compared as 1/0. */
export function sqlValue(value: Scalar): SqlValue {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  throw new Error(`Unsupported value ${JSON.stringify(value)}: expected a string, number, boolean or null`);
}

function asFieldCondition(field: string, condition: Scalar | FieldCondition): FieldCondition {
  if (condition === undefined)
    throw new Error(`Filter on ${field} is undefined: use null to match null or missing`);
  if (condition === null || typeof condition !== 'object') return { $eq: condition };
  if (Object.keys(condition).length === 0) throw new Error(`Filter on ${field} has no operator`);
  return condition;
}

function operatorSql(
  expression: string,
  operator: string,
  operand: unknown,
  normalize: TextNormalizer,
): SqlFragment {
  switch (operator) {
    case '$eq':
      // Comparing with NULL is never true in SQL; IS NULL also matches a missing field, as in MongoDB.
      if (operand === null) return { sql: `${expression} IS NULL`, params: [] };
      return { sql: `${expression} = ?`, params: [sqlValue(operand as Scalar)] };
    case '$ne':
      // IS NOT treats NULL as a value: a missing field is "not equal" to 'x', and not to null.
      return { sql: `${expression} IS NOT ?`, params: [sqlValue(operand as Scalar)] };
    case '$in':
      return inSql(expression, operand);
    case '$gt':
      return rangeSql(expression, '>', operand);
    case '$gte':
      return rangeSql(expression, '>=', operand);
    case '$lt':
      return rangeSql(expression, '<', operand);
    case '$lte':
      return rangeSql(expression, '<=', operand);
    case '$contains':
      // The field is stored normalised by its projection; instr is a plain substring search,
      // which compares bytes: a NUL in the needle is matched like any other character.
      return { sql: `instr(${expression}, ?) > 0`, params: [normalize(containsNeedle(operand))] };
    default:
      throw new Error(`Unsupported operator ${operator}`);
  }
}

/**
 * The values are bound as one JSON array read back with json_each: the SQL text stays the same
 * whatever the list's length (one cached statement, no bound-parameter limit), and json_each
 * gives its values the same SQL types json_extract gives the field's.
 */
function inSql(expression: string, values: unknown): SqlFragment {
  if (!Array.isArray(values)) throw new Error('$in expects an array');
  const inList = `${expression} IN (SELECT value FROM json_each(?))`;
  const params = [
    JSON.stringify(values.filter((value) => value !== null).map((value) => sqlValue(value as Scalar))),
  ];
  // NULL is never IN anything: null in the list must match null or missing separately.
  return values.includes(null)
    ? { sql: `(${inList} OR ${expression} IS NULL)`, params }
    : { sql: inList, params };
}

/**
 * MongoDB compares only within a type ("type bracketing"): { $gt: 5 } never matches a string.
 * SQLite orders every number before every string, so the range is paired with a type test.
 */
const RANGE_TYPES: Record<string, string | undefined> = {
  string: `'text'`,
  number: `'integer', 'real'`,
  boolean: `'integer', 'real'`, // stored as 1/0
};

function rangeSql(expression: string, comparison: string, bound: unknown): SqlFragment {
  const types = RANGE_TYPES[typeof bound];
  if (!types)
    throw new Error(`Range operators expect a string, number or boolean, got ${JSON.stringify(bound)}`);
  return {
    sql: `(${expression} ${comparison} ? AND typeof(${expression}) IN (${types}))`,
    params: [sqlValue(bound as Scalar)],
  };
}
