/** Where two JSON values first differ: the field's path and the value on each side (undefined: absent). */
export interface JsonDifference {
  /** 'name', 'entries[3].fileName'; '' for the values themselves */
  path: string;
  expected: unknown;
  actual: unknown;
}

/**
 * The first place where two JSON values differ, or null when they are equal as JSON: object keys
 * in any order, a field holding undefined the same as an absent one (JSON.stringify drops both),
 * keys visited in code-point order so that the first difference is the same whoever wrote the
 * document. Anything but plain objects and arrays (a driver's own type) is compared as its JSON.
 */
export function firstJsonDifference(expected: unknown, actual: unknown, path = ''): JsonDifference | null {
  if (expected === actual) return null;
  const here = { path, expected, actual };
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual)) return here;
    const shared = Math.min(expected.length, actual.length);
    for (let i = 0; i < shared; i++) {
      const difference = firstJsonDifference(expected[i], actual[i], `${path}[${i}]`);
      if (difference) return difference;
    }
    if (expected.length === actual.length) return null;
    return { path: `${path}[${shared}]`, expected: expected[shared], actual: actual[shared] };
  }
  if (isPlainObject(expected) && isPlainObject(actual)) {
    // An absent key reads undefined, as a field holding undefined does.
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort(compareCodePoints);
    for (const key of keys) {
      const difference = firstJsonDifference(expected[key], actual[key], path ? `${path}.${key}` : key);
      if (difference) return difference;
    }
    return null;
  }
  if (typeof expected === 'object' && typeof actual === 'object' && expected !== null && actual !== null)
    return JSON.stringify(expected) === JSON.stringify(actual) ? null : here;
  return here;
}

/**
 * Orders strings by code point, which is how both read stores sort `_id` (SQLite compares the
 * UTF-8 bytes, MongoDB too); `<` on JavaScript strings compares UTF-16 units, which differs above U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  // One is a prefix of the other.
  return a.length < b.length ? -1 : 1;
}

/** A value as JSON cut to `max` characters, for a report line; undefined reads "(absent)". */
export function truncatedJson(value: unknown, max = 80): string {
  if (value === undefined) return '(absent)';
  const json = JSON.stringify(value) ?? String(value);
  return json.length <= max ? json : `${json.slice(0, max - 1)}…`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
