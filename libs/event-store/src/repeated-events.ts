import type { AppendResult } from './event-store.port';

/** Where a stored event sits, in its stream and in the store. */
export interface Placement {
  revision: number;
  position: number;
}

/** What an append leaves to write, or, when everything was already there, the answer to give. */
export type WithoutRepeats<E> = { fresh: E[] } | { retried: AppendResult };

/**
 * The port's idempotency rule, one implementation for every adapter (each finds the stored events
 * its own way): an id repeated within the call counts once, at its first occurrence; an event whose
 * id is stored is skipped. When all of a non-empty append is stored, it is a retry of an append that
 * went through, answered as it was: with the latest of its events, whatever the stream became since.
 */
export function withoutRepeats<E extends { id: string }>(
  events: E[],
  storedPlacement: (id: string) => Placement | undefined,
): WithoutRepeats<E> {
  const seen = new Set<string>();
  const fresh: E[] = [];
  let latest: Placement | undefined;
  for (const event of events) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    const stored = storedPlacement(event.id);
    if (!stored) fresh.push(event);
    else if (!latest || stored.revision > latest.revision) latest = stored;
  }
  if (fresh.length === 0 && latest)
    return { retried: { nextRevision: latest.revision, position: latest.position } };
  return { fresh };
}
