import type { Document as MongoDocument } from 'mongodb';

/**
 * The aggregation behind distinctKeys. `$objectToArray` fails the whole query on a value that is
 * not an object ("requires a document input"), where SQLite's json_each yields no text key: a
 * string, a number, an array or null counts as no keys here too, and a missing field as well.
 */
export function distinctKeysPipeline(match: MongoDocument, field: string): MongoDocument[] {
  const value = `$${field}`;
  return [
    { $match: match },
    {
      $project: {
        entries: {
          $cond: [{ $eq: [{ $type: value }, 'object'] }, { $objectToArray: value }, []],
        },
      },
    },
    { $unwind: '$entries' },
    { $group: { _id: '$entries.k' } },
    { $sort: { _id: 1 } },
  ];
}
