import {
  containsNeedle,
  type Document,
  type FieldCondition,
  type Filter,
  type FindOptions,
  type IndexSpec,
  type ReadCollection,
  type ReadStore,
  type Scalar,
  type Sort,
  type TextNormalizer,
} from '@dossiers/read-store';

/**
 * The read store as a live query handler sees it, but in the past: the collections of one client's
 * fold (historical documents, in memory) in place of the live ones, every other collection (the
 * directory's names, the groups) live. Read-only: a handler never writes, and a write here would
 * be a bug worth a loud failure.
 */
export class HistoricalReadStore implements ReadStore {
  private readonly folded: Map<string, InMemoryCollection<Document>>;

  constructor(
    private readonly live: ReadStore,
    collections: ReadonlyMap<string, Document[]>,
    normalizeText: TextNormalizer,
  ) {
    this.folded = new Map(
      [...collections].map(([name, docs]) => [name, new InMemoryCollection(docs, normalizeText)]),
    );
  }

  collection<T extends Document = Document>(name: string): ReadCollection<T> {
    return (this.folded.get(name) as ReadCollection<T> | undefined) ?? this.live.collection<T>(name);
  }

  ensureIndexes(): Promise<void> {
    return readOnly();
  }
  transaction<R>(): Promise<R> {
    return readOnly();
  }
  drop(): Promise<void> {
    return readOnly();
  }
  /** A folded collection lives in memory, without indexes. */
  async listIndexes(collection: string): Promise<IndexSpec[]> {
    return this.folded.has(collection) ? [] : this.live.listIndexes(collection);
  }
  replaceCollections(): Promise<void> {
    return readOnly();
  }
  ping(): Promise<void> {
    return this.live.ping();
  }
  async close(): Promise<void> {}
}

const readOnly = (): Promise<never> => Promise.reject(new Error('A historical read store is read-only'));

/**
 * The read-store port's query language (libs/read-store/README.md) over documents in memory, with
 * the adapters' semantics where they could differ: null matches missing, ranges keep to the
 * bound's type, strings compare by code point (SQLite's and MongoDB's binary order of UTF-8).
 */
export class InMemoryCollection<T extends Document> implements ReadCollection<T> {
  private readonly byId: Map<string, T>;

  constructor(
    docs: readonly T[],
    private readonly normalizeText: TextNormalizer,
  ) {
    this.byId = new Map(docs.map((doc) => [doc._id, doc]));
  }

  async findById(id: string): Promise<T | null> {
    return this.byId.get(id) ?? null;
  }
  async findByIds(ids: string[]): Promise<T[]> {
    return [...new Set(ids)].flatMap((id) => this.byId.get(id) ?? []);
  }
  async find(filter: Filter, { sort, skip = 0, limit = 0 }: FindOptions = {}): Promise<T[]> {
    const found = [...this.byId.values()].filter((doc) => this.matches(doc, filter));
    if (sort) found.sort(comparator(sort));
    return found.slice(skip, limit > 0 ? skip + limit : undefined);
  }
  async count(filter: Filter): Promise<number> {
    return (await this.find(filter)).length;
  }
  async distinctKeys(filter: Filter, field: string): Promise<string[]> {
    const keys = new Set<string>();
    for (const doc of await this.find(filter)) {
      const value = valueAt(doc, field);
      if (value && typeof value === 'object' && !Array.isArray(value))
        for (const key of Object.keys(value)) keys.add(key);
    }
    return [...keys].sort(compareCodePoints);
  }
  async *stream(filter: Filter, options?: FindOptions): AsyncIterable<T> {
    yield* await this.find(filter, options);
  }
  upsert(): Promise<void> {
    return readOnly();
  }
  upsertMany(): Promise<void> {
    return readOnly();
  }
  update(): Promise<boolean> {
    return readOnly();
  }
  delete(): Promise<boolean> {
    return readOnly();
  }
  deleteMany(): Promise<number> {
    return readOnly();
  }

  private matches(doc: T, filter: Filter): boolean {
    return Object.entries(filter).every(([field, condition]) => {
      const value = valueAt(doc, field);
      if (condition === null || typeof condition !== 'object') return equals(value, condition);
      return this.holds(value, condition);
    });
  }

  private holds(value: unknown, c: FieldCondition): boolean {
    if ('$eq' in c && !equals(value, c.$eq!)) return false;
    if ('$ne' in c && equals(value, c.$ne!)) return false;
    if (c.$in && !c.$in.some((candidate) => equals(value, candidate))) return false;
    const ranges: [Scalar | undefined, (order: number) => boolean][] = [
      [c.$gt, (order) => order > 0],
      [c.$gte, (order) => order >= 0],
      [c.$lt, (order) => order < 0],
      [c.$lte, (order) => order <= 0],
    ];
    for (const [bound, holds] of ranges) {
      if (bound === undefined) continue;
      if (typeof value !== typeof bound || value === null || !holds(compareValues(value, bound)))
        return false;
    }
    if (c.$contains !== undefined)
      return typeof value === 'string' && value.includes(this.normalizeText(containsNeedle(c.$contains)));
    return true;
  }
}

function valueAt(doc: Document, field: string): unknown {
  let value: unknown = doc;
  for (const key of field.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** `null` stands for null or missing, as in both adapters. */
const equals = (value: unknown, expected: Scalar): boolean =>
  expected === null ? value === null || value === undefined : value === expected;

function comparator(sort: Sort): (a: Document, b: Document) => number {
  return (a, b) => {
    for (const [field, direction] of sort) {
      const order = compareValues(valueAt(a, field), valueAt(b, field));
      if (order !== 0) return order * direction;
    }
    return 0;
  };
}

/** Missing and null first, then numbers, strings, booleans (a field holds one type: the rest is a tie-break). */
function compareValues(a: unknown, b: unknown): number {
  const rank = (v: unknown) =>
    v === null || v === undefined ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : 3;
  const [ra, rb] = [rank(a), rank(b)];
  if (ra !== rb) return ra - rb;
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return Number(a) - Number(b);
}

/**
 * By code point, which is the byte order of UTF-8: JavaScript's `<` compares UTF-16 units, which
 * sorts the characters above U+FFFF (surrogate pairs, U+D800–DFFF) before U+E000–FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

const codePointRank = (unit: number) =>
  unit < 0xd800 ? unit : unit <= 0xdfff ? unit + 0x2000 : unit - 0x800;
