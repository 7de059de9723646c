import type { Filter as MongoFilter } from 'mongodb';
import { normalizeText } from '../normalize-text';
import type { Document, FieldCondition, Filter, Scalar } from '../read-store.port';

/** The port's filters are MongoDB's, but for `$contains`. */
export function toMongoFilter(filter: Filter): MongoFilter<Document> {
  return Object.fromEntries(
    Object.entries(filter).map(([field, condition]) => [field, toMongoCondition(condition)]),
  );
}

/** Projections store the field normalised, so a normalised, escaped needle is a plain substring match. */
function toMongoCondition(condition: Scalar | FieldCondition): unknown {
  if (condition === null || typeof condition !== 'object' || condition.$contains === undefined)
    return condition;
  const { $contains, ...others } = condition;
  return { ...others, $regex: escapeRegExp(normalizeText($contains)) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
