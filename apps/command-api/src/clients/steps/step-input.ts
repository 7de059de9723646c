import { fieldOf, type FieldError } from '@dossiers/domain';

/**
 * What the client sheet's steps share when they read raw input: a step checks what the body gives
 * and names every bad field, in the domain's `Checked<T>` shape (unwrapped with `validOrThrow`).
 */

/** A step the wizard may leave out: an absent or null value gives nothing and no error. */
export const isGiven = (raw: unknown): boolean => raw !== undefined && raw !== null;

/** A list step's entries: none when absent, at most `max` (the excess is reported, not checked). */
export function listOf(raw: unknown, field: string, max: number, errors: FieldError[]): unknown[] {
  if (!isGiven(raw)) return [];
  if (!Array.isArray(raw)) {
    errors.push({ field, message: 'must be an array' });
    return [];
  }
  if (raw.length > max) errors.push({ field, message: `must hold at most ${max} entries` });
  return raw.slice(0, max);
}

export function unknownKeys(
  entry: Record<string, unknown>,
  allowed: Set<string>,
  field: string,
): FieldError[] {
  return Object.keys(entry)
    .filter((key) => !allowed.has(key))
    .map((key) => ({ field: fieldOf(field, key), message: 'is not a known property' }));
}

/** The entry at `at` names the same thing as the last entry before it that did (`seen` remembers it). */
export function repeated(seen: Map<string, string>, key: string, at: string, what: string): FieldError[] {
  const earlier = seen.get(key);
  seen.set(key, at);
  return earlier ? [{ field: at, message: `names the same ${what} as ${earlier}` }] : [];
}
