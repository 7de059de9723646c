import { InvalidFilterError } from './read-store.port';

/** With the u flag a well-formed pair is one code point, so this matches only a lone surrogate. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * A `$contains` needle as every adapter takes it: any string of well-formed Unicode. A lone
 * surrogate has no UTF-8 form: SQLite would store and match its CESU bytes, MongoDB's driver
 * U+FFFD, so the same query would answer differently; it is refused instead, by both.
 */
export function containsNeedle(needle: unknown): string {
  if (typeof needle !== 'string') throw new InvalidFilterError('$contains expects a string');
  if (LONE_SURROGATE.test(needle))
    throw new InvalidFilterError('$contains expects well-formed Unicode: the needle holds a lone surrogate');
  return needle;
}
