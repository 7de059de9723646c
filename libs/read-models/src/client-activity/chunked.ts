/**
 * Persistent shapes for a client's activity document, so that `evolve` (pure: it never changes
 * the document it is given) costs about the same on a 5,000-file client as on an empty one.
 * Copying a flat map of 5,000 files or a 1000-position array on every event costs tens of
 * microseconds each; here an event copies one small bucket or chunk and the short list of them,
 * sharing everything else with the document before. Both stay plain JSON.
 */

/**
 * A map from id to value as buckets: `hash(id) % MAP_BUCKETS` (as a string key) to the values of
 * that bucket, in insertion order. Only non-empty buckets are present, so a small client stays small.
 * Integer-like keys also keep the outer object out of V8's per-key hidden classes.
 */
export type BucketMap<V extends { id: string }> = Record<string, V[]>;

/** ~20 values a bucket at 5,000 files; the outer copy of 256 integer keys is a flat elements copy. */
const MAP_BUCKETS = 256;

function bucketOf(id: string): string {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (Math.imul(hash, 31) + id.charCodeAt(i)) | 0;
  return String((hash >>> 0) % MAP_BUCKETS);
}

export function getIn<V extends { id: string }>(map: BucketMap<V>, id: string): V | undefined {
  const bucket = map[bucketOf(id)];
  if (!bucket) return undefined;
  for (const value of bucket) if (value.id === id) return value;
  return undefined;
}

/** A new map with each value set (added, or replacing the one of its id); `map` is left as it is. */
export function setIn<V extends { id: string }>(map: BucketMap<V>, values: readonly V[]): BucketMap<V> {
  if (values.length === 0) return map;
  const next = { ...map };
  const copied = new Set<string>();
  for (const value of values) {
    const key = bucketOf(value.id);
    if (!copied.has(key)) {
      next[key] = next[key] ? next[key].slice() : [];
      copied.add(key);
    }
    const bucket = next[key];
    const at = bucket.findIndex((v) => v.id === value.id);
    if (at === -1) bucket.push(value);
    else bucket[at] = value;
  }
  return next;
}

/** A new map without these ids (the same map when none is in it). */
export function removeFrom<V extends { id: string }>(
  map: BucketMap<V>,
  ids: readonly string[],
): BucketMap<V> {
  let next: BucketMap<V> | null = null;
  for (const id of ids) {
    const key = bucketOf(id);
    const bucket = (next ?? map)[key];
    if (!bucket?.some((v) => v.id === id)) continue;
    next ??= { ...map };
    const kept = bucket.filter((v) => v.id !== id);
    if (kept.length > 0) next[key] = kept;
    else delete next[key];
  }
  return next ?? map;
}

/**
 * A list capped to its last `cap` items, as chunks of at most LIST_CHUNK, oldest first: appending
 * copies the last chunk and the list of chunks (~20 at 1000 items), evicting copies the first chunk.
 */
export type ChunkedList<T> = T[][];

export const LIST_CHUNK = 50;

export function appendCapped<T>(list: ChunkedList<T>, items: readonly T[], cap: number): ChunkedList<T> {
  if (items.length === 0) return list;
  const chunks = list.slice();
  let count = chunks.reduce((n, chunk) => n + chunk.length, 0);
  // Only a last chunk with room is copied (once): the others stay shared with `list`.
  let last: T[] | null = null;
  for (const item of items) {
    if (!last) {
      const tail = chunks[chunks.length - 1];
      if (tail && tail.length < LIST_CHUNK) chunks[chunks.length - 1] = last = tail.slice();
      else chunks.push((last = []));
    } else if (last.length >= LIST_CHUNK) chunks.push((last = []));
    last.push(item);
    count += 1;
  }
  let evict = count - cap;
  while (evict > 0) {
    const first = chunks[0];
    if (first.length <= evict) {
      chunks.shift();
      evict -= first.length;
    } else {
      chunks[0] = first.slice(evict);
      evict = 0;
    }
  }
  return chunks;
}

/** The last item, or undefined when the list is empty. */
export function lastOf<T>(list: ChunkedList<T>): T | undefined {
  const chunk = list[list.length - 1];
  return chunk?.[chunk.length - 1];
}
