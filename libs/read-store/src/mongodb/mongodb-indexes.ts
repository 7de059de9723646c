import type { IndexDescription, IndexDescriptionInfo } from 'mongodb';
import type { IndexSpec, Sort } from '../read-store.port';

/** The index MongoDB keeps on the _id of every collection: the engine's, never the store's to drop. */
export const ID_INDEX = '_id_';

/**
 * Fields listIndexes reports that change nothing the store relies on: `v` (the format version),
 * `ns` (servers before 4.4), `background` (ignored since 4.2). Any other option (sparse, a partial
 * filter, a collation, a TTL, hidden) was set by someone else and makes the index another one.
 */
const NEUTRAL_FIELDS = new Set(['v', 'key', 'name', 'ns', 'unique', 'background']);

/** What reconciling a collection's indexes with its specification takes: drops first, then creations. */
export interface IndexPlan {
  drop: { name: string; reason: string }[];
  create: IndexDescription[];
}

export function toIndexDescription({ name, fields, unique }: IndexSpec): IndexDescription {
  // Object keys keep insertion order (field names never look like integers), so the key is ordered.
  return { name, key: Object.fromEntries(fields), ...(unique ? { unique: true } : {}) };
}

/** An index as listIndexes describes it, in the port's terms. */
export function toIndexSpec(info: IndexDescriptionInfo): IndexSpec {
  const fields = Object.entries(info.key).map(([field, direction]) => [field, Number(direction)]) as Sort;
  return { name: info.name ?? '', fields, ...(info.unique ? { unique: true } : {}) };
}

/**
 * The drops and creations that make `existing` (listIndexes) exactly `wanted`. createIndexes
 * refuses an index whose name is taken by another definition, so a changed one is dropped and
 * created again; one the specification no longer names is dropped; `_id_` is left alone.
 */
export function planIndexes(existing: IndexDescriptionInfo[], wanted: IndexSpec[]): IndexPlan {
  const wantedByName = new Map(wanted.map((spec) => [spec.name, spec]));
  if (wantedByName.size !== wanted.length) throw new Error('Two indexes of one collection share a name');
  if (wantedByName.has(ID_INDEX)) throw new Error(`${ID_INDEX} is MongoDB's own index`);
  const drop: IndexPlan['drop'] = [];
  const kept = new Set<string>();
  for (const info of existing) {
    if (info.name === undefined || info.name === ID_INDEX) continue;
    const spec = wantedByName.get(info.name);
    const reason = spec ? differenceOf(info, spec) : 'no longer in the specification';
    if (reason === null) kept.add(info.name);
    else drop.push({ name: info.name, reason });
  }
  return { drop, create: wanted.filter((spec) => !kept.has(spec.name)).map(toIndexDescription) };
}

/** Why the existing index is not the specified one, or null when it is. */
function differenceOf(info: IndexDescriptionInfo, spec: IndexSpec): string | null {
  const key = Object.entries(info.key);
  const sameKey =
    key.length === spec.fields.length &&
    key.every(
      ([field, direction], i) => field === spec.fields[i][0] && Number(direction) === spec.fields[i][1],
    );
  if (!sameKey)
    return `keys ${JSON.stringify(info.key)} are now ${JSON.stringify(Object.fromEntries(spec.fields))}`;
  if (Boolean(info.unique) !== Boolean(spec.unique))
    return spec.unique ? 'is now unique' : 'is no longer unique';
  const foreign = Object.keys(info).filter((field) => !NEUTRAL_FIELDS.has(field));
  if (foreign.length > 0) return `has options the store does not set (${foreign.join(', ')})`;
  return null;
}
