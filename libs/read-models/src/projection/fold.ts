import { upcast, type RecordedEvent } from '@dossiers/events';
import type { Document } from '@dossiers/read-store';
import { storedForm } from './document-parts';
import type { Projection } from './projection';

type Documents = ReadonlyMap<string, Document>;

/** Some projections' documents, folded in memory (never changed once made: folds share them). */
export interface FoldedDocuments {
  /** projection name -> _id -> its document */
  readonly docs: ReadonlyMap<string, Documents>;
  /** retained derived collection -> _id -> document: everything ever derived into it */
  readonly retained: ReadonlyMap<string, Documents>;
}

export const NOTHING_FOLDED: FoldedDocuments = { docs: new Map(), retained: new Map() };

/**
 * The documents the ProjectionEngine would store for `projections` after `events`, folded in memory
 * onto `from` (left as it is): each event upcast, handed only to the projections whose canHandle
 * lists its type, on the document its documentId names (skipped when it names none), evolve
 * getting null when there is no document and null deleting it; what goes to a retained derived
 * collection is derived from every state, as the engine writes it. The engine's batches change
 * nothing to the outcome: evolve is pure, and the engine only saves lookups and writes. For the
 * auditors' time travel: a stream's read models as they were, without a second implementation.
 */
export function foldProjections(
  projections: readonly Projection[],
  events: readonly RecordedEvent[],
  from: FoldedDocuments = NOTHING_FOLDED,
): FoldedDocuments {
  // Copied on first write only: `from` may be a cached fold, shared.
  const docs = new Map(from.docs);
  const retained = new Map(from.retained);
  const written = new Set<unknown>();
  const writable = <K, V>(maps: Map<K, ReadonlyMap<string, V>>, key: K): Map<string, V> => {
    let map = maps.get(key) as Map<string, V> | undefined;
    if (!map || !written.has(map)) {
      map = new Map(map);
      maps.set(key, map);
      written.add(map);
    }
    return map;
  };
  const folding = projections.map((projection) => ({
    projection,
    handles: new Set<string>(projection.canHandle),
    retains: new Set(projection.derived?.collections.filter((c) => c.retain).map((c) => c.name)),
    /** its documents, made writable on its first write (kept at hand: a fold can replay 20,000 events) */
    own: null as Map<string, Document> | null,
  }));
  /** event type -> the projections that handle it (one lookup an event, not one a projection) */
  const handling = new Map<string, typeof folding>();
  for (const recorded of events) {
    let targets = handling.get(recorded.type);
    if (!targets)
      handling.set(recorded.type, (targets = folding.filter((f) => f.handles.has(recorded.type))));
    if (targets.length === 0) continue;
    const event = upcast(recorded);
    for (const folded of targets) {
      const { projection, retains } = folded;
      const id = projection.documentId(event as never);
      if (id === null) continue;
      const own = (folded.own ??= writable(docs, projection.name));
      const next = projection.evolve(own.get(id) ?? null, event as never);
      if (!next) {
        own.delete(id);
        continue;
      }
      own.set(id, next);
      if (retains.size === 0) continue;
      for (const derived of projection.derived!.derive(next))
        if (retains.has(derived.collection))
          writable(retained, derived.collection).set(derived.doc._id, derived.doc);
    }
  }
  return { docs, retained };
}

/**
 * Every document of a fold, by collection, as the engine stores them: each projection's own (in
 * parts when it declares them: readers load them through loadDocuments), those it derives (as
 * the engine leaves a derived collection after any sequence of batches: its diffs of derivations
 * add up to the derivation of the last document) and its retained ones. Every collection of
 * `projections` is there, empty if the fold left nothing in it.
 */
export function foldedCollections(
  projections: readonly Projection[],
  folded: FoldedDocuments,
): Map<string, Document[]> {
  const collections = new Map<string, Map<string, Document>>();
  const into = (name: string) => {
    let docs = collections.get(name);
    if (!docs) collections.set(name, (docs = new Map()));
    return docs;
  };
  for (const projection of projections) {
    const own = into(projection.collection);
    if (projection.parts) into(projection.parts.collection);
    const retains = new Set<string>();
    for (const { name, retain } of projection.derived?.collections ?? []) {
      const derived = into(name);
      if (!retain) continue;
      retains.add(name);
      for (const doc of folded.retained.get(name)?.values() ?? []) derived.set(doc._id, doc);
    }
    const { parts } = projection;
    for (const doc of folded.docs.get(projection.name)?.values() ?? []) {
      if (parts) {
        const stored = storedForm(parts, doc);
        own.set(doc._id, stored.head);
        for (const part of stored.parts) into(parts.collection).set(part._id, part);
      } else own.set(doc._id, doc);
      for (const derived of projection.derived?.derive(doc) ?? [])
        if (!retains.has(derived.collection)) into(derived.collection).set(derived.doc._id, derived.doc);
    }
  }
  return new Map([...collections].map(([name, docs]) => [name, [...docs.values()]]));
}
