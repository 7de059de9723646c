import type { RecordedEvent } from '@dossiers/events';
import type { Document, IndexSpec } from '@dossiers/read-store';

/**
 * Documents computed purely from a projection's document, kept in other collections: the
 * engine derives them from the document before and after each batch and writes only the
 * difference, in the same transaction. For read models that one document per event cannot serve
 * (the effective rights of every folder, which a change on one folder reshapes below it).
 */
export interface DerivedDocuments<Doc extends Document = Document> {
  collections: { name: string; indexes: IndexSpec[] }[];
  /** every derived document of `doc`, each with the collection it goes to */
  derive(doc: Doc): DerivedDocument[];
  /**
   * Optional, for big documents changed a little (one right on a 5,000-folder client): of `before`
   * and `after`, only the derived documents that can differ, or null when any can. Every derived
   * document it leaves out must derive exactly alike from both; the engine diffs what it returns as
   * it diffs full derivations, so the writes are the same, for a fraction of the derivation.
   */
  deriveChanged?(before: Doc, after: Doc): { before: DerivedDocument[]; after: DerivedDocument[] } | null;
}

export interface DerivedDocument {
  collection: string;
  doc: Document;
}

/**
 * A read model: one collection, kept by a pure evolve over the events it handles. The engine
 * finds the document an event touches, hands it to `evolve` (null when absent) and stores the
 * result (null deletes it). Nothing here does I/O, so every read model can be rebuilt from 0.
 * `evolve` never changes the document it is given: it returns a new one, or the very same one
 * when the event changes nothing in it (the engine then writes nothing).
 */
export interface Projection<Doc extends Document = Document> {
  /** stable name: the checkpoint's id and the rebuild CLI's argument */
  name: string;
  collection: string;
  indexes: IndexSpec[];
  handles: ReadonlySet<string>;
  /**
   * The event types that begin a document (e.g. ClientCreated): evolve builds it from the event
   * alone, and there cannot be one before, as the event opens its aggregate's stream. The engine
   * does not look a document up when the first event of a batch to touch it is one of these: a
   * rebuild is mostly creations, and each lookup costs an index probe even when it finds nothing.
   */
  creates?: ReadonlySet<string>;
  /** the id of the document this event changes */
  documentId(event: RecordedEvent): string;
  evolve(doc: Doc | null, event: RecordedEvent): Doc | null;
  derived?: DerivedDocuments<Doc>;
}

/** Every collection a projection writes: its own and its derived ones. */
export function collectionsOf(projection: Projection): { name: string; indexes: IndexSpec[] }[] {
  return [
    { name: projection.collection, indexes: projection.indexes },
    ...(projection.derived?.collections ?? []),
  ];
}

export function defineProjection<Doc extends Document>(projection: Projection<Doc>): Projection<Doc> {
  return projection;
}
