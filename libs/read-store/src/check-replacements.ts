import type { CollectionReplacement } from './read-store.port';

/** The same refusals on every adapter, before anything moves: each `to` replaced once, by another collection. */
export function checkReplacements(replacements: CollectionReplacement[]): void {
  const targets = new Set(replacements.map((r) => r.to));
  if (targets.size !== replacements.length)
    throw new Error('A collection can be replaced only once in one replaceCollections');
  for (const { from, to } of replacements)
    if (from === to || targets.has(from))
      throw new Error(`${from} cannot replace ${to}: a collection replaced cannot be moved too`);
}
