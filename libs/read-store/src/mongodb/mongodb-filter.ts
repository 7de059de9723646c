import type { Filter as MongoFilter } from 'mongodb';
import { containsNeedle } from '../contains-needle';
import type { Document, FieldCondition, Filter, Scalar, TextNormalizer } from '../read-store.port';

/** The port's filters are MongoDB's, but for `$contains`, whose needle goes through `normalize`. */
export function toMongoFilter(filter: Filter, normalize: TextNormalizer): MongoFilter<Document> {
  return Object.fromEntries(
    Object.entries(filter).map(([field, condition]) => [field, toMongoCondition(condition, normalize)]),
  );
}

/** Projections store the field normalised, so a normalised, escaped needle is a plain substring match. */
function toMongoCondition(condition: Scalar | FieldCondition, normalize: TextNormalizer): unknown {
  if (condition === null || typeof condition !== 'object' || condition.$contains === undefined)
    return condition;
  const { $contains, ...others } = condition;
  return { ...others, $regex: escapeRegExp(normalize(containsNeedle($contains))) };
}

/**
 * The needle as a pattern matching it literally. The server refuses a pattern holding a NUL byte
 * ("Regular expression cannot contain an embedded null byte"), so NUL is written as PCRE's `\x00`,
 * which matches it: the needle is still taken literally, as SQLite's instr takes it.
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\0/g, '\\x00');
}
