import type { DomainEvent, RecordedEvent } from '@dossiers/events';
import type { Document, IndexSpec } from '@dossiers/read-store';

/**
 * A stored event of the union `E`, each member keeping its own type and data: a switch on `type`
 * narrows `data`, as in a decider.
 */
export type Recorded<E extends DomainEvent> = E extends DomainEvent
  ? RecordedEvent<E['type'], E['data']>
  : never;

/**
 * The members of `Union` whose types `Types` lists: a projection's events, from the list it gives as
 * its `canHandle` (`const HANDLED = [...] as const satisfies readonly ClientEvent['type'][]`).
 */
export type Handled<Union extends DomainEvent, Types extends readonly Union['type'][]> = Extract<
  Union,
  { type: Types[number] }
>;

/**
 * Documents computed purely from a projection's document, kept in other collections: the
 * engine derives them from the document before and after each batch and writes only the
 * difference, in the same transaction. For read models that one document per event cannot serve
 * (the effective rights of every folder, which a change on one folder reshapes below it).
 */
export interface DerivedDocuments<Doc extends Document = Document> {
  collections: DerivedCollection[];
  /** every derived document of `doc`, each with the collection it goes to */
  derive(doc: Doc): DerivedDocument[];
  /**
   * Optional, for big documents changed a little (one right on a 5,000-folder client): of `before`
   * and `after`, only the derived documents that can differ, or null when any can. Every derived
   * document it leaves out must derive exactly alike from both (or, in a retained collection, be
   * dropped by `after`); the engine diffs what it returns as it diffs full derivations, so the
   * writes are the same, for a fraction of the derivation.
   */
  deriveChanged?(before: Doc, after: Doc): { before: DerivedDocument[]; after: DerivedDocument[] } | null;
}

export interface DerivedCollection {
  name: string;
  indexes: IndexSpec[];
  /**
   * A log rather than a view: its documents are written as they are derived, from every state the
   * document goes through (event by event, not only the last of a batch), and never deleted when a
   * later derivation drops them, nor when the document goes. Only a rebuild, which drops the
   * collection, clears them. `deriveChanged` may then leave out what a derivation dropped.
   */
  retain?: boolean;
}

export interface DerivedDocument {
  collection: string;
  doc: Document;
}

/**
 * A read model: one collection, kept by a pure evolve over the events it handles. The engine
 * hands `evolve` only the events whose type `canHandle` lists (Emmett's canHandle), so `E` is the
 * union of exactly those, and finds the document each one touches by `documentId`: evolve gets it
 * (null when absent) and returns what to store (null deletes it). Nothing here does I/O, so every
 * read model can be rebuilt from 0. `evolve` never changes the document it is given: it returns a
 * new one, or the very same one when the event changes nothing in it (the engine then writes
 * nothing). projectionSpecification (testing/) checks a projection the way the engine runs it.
 *
 * `evolve` and `documentId` are methods so that projections over different unions share one list
 * (the engine's): the engine keeps to `canHandle`, which makes that sound.
 */
export interface Projection<Doc extends Document = Document, E extends DomainEvent = DomainEvent> {
  /** stable name: the checkpoint's id and the rebuild CLI's argument */
  name: string;
  collection: string;
  indexes: IndexSpec[];
  /** the event types it handles, each once */
  canHandle: readonly E['type'][];
  /**
   * The event types that begin a document (e.g. ClientCreated): evolve builds it from the event
   * alone, and there cannot be one before, as the event opens its aggregate's stream. The engine
   * does not look a document up when the first event of a batch to touch it is one of these: a
   * rebuild is mostly creations, and each lookup costs an index probe even when it finds nothing.
   */
  creates?: readonly E['type'][];
  /**
   * The id of the document this event changes (`idFrom(field)` when the event's data names it), or
   * null when it touches none of this projection's documents (the event is then skipped).
   */
  documentId(event: Recorded<E>): string | null;
  evolve(doc: Doc | null, event: Recorded<E>): Doc | null;
  derived?: DerivedDocuments<Doc>;
  /** a field too big for one stored document, kept in parts (document-parts.ts) */
  parts?: DocumentParts;
}

/**
 * A document stored in parts: `field` holds an object, and each of its entries is stored as a
 * document of its own in `collection` (`_id` `<document id>:<key>`), the document itself without
 * it. For a document that would otherwise grow past what one stored document may hold (MongoDB:
 * 16 MB). `evolve`, `derive` and folds still see the whole document: the engine loads and
 * assembles it, and writes back only the entries whose value is not the very object it loaded, so
 * an evolve that shares its unchanged entries writes only the changed ones.
 */
export interface DocumentParts {
  collection: string;
  /** a top-level field whose value is a plain object */
  field: string;
}

/**
 * The one way to name a document after its events: the field of their data that holds its id
 * (`documentId: idFrom('clientId')`), which every event the projection handles must carry as a string.
 */
export function idFrom<Field extends string>(
  field: Field,
): <E extends { data: { [K in Field]: string } }>(event: E) => string {
  return (event) => event.data[field];
}

/** Every collection a projection writes: its own, its parts' and its derived ones. */
export function collectionsOf(projection: Projection): { name: string; indexes: IndexSpec[] }[] {
  return [
    { name: projection.collection, indexes: projection.indexes },
    ...(projection.parts ? [{ name: projection.parts.collection, indexes: [] }] : []),
    ...(projection.derived?.collections ?? []),
  ];
}

/** A projection of `Doc` over the events `E` (the union of the types it lists in `canHandle`). */
export function defineProjection<Doc extends Document, E extends DomainEvent>(
  projection: Projection<Doc, E>,
): Projection<Doc, E> {
  return projection;
}
