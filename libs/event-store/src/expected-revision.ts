import type { ExpectedRevision } from './event-store.port';

/** EventStoreDB's rule for whether a stream at revision `actual` (-1: absent) accepts an append. */
export function satisfiesExpectedRevision(expected: ExpectedRevision, actual: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === -1;
    case 'stream_exists':
      return actual !== -1;
    default:
      return actual === expected;
  }
}
