import type { RecordedEvent } from '@dossiers/events';
import type { Document, IndexSpec } from '@dossiers/read-store';

/**
 * A read model: one collection, kept by a pure evolve over the events it handles. The engine
 * finds the document an event touches, hands it to `evolve` (null when absent) and stores the
 * result (null deletes it). Nothing here does I/O, so every read model can be rebuilt from 0.
 */
/**
 * Documents computed purely from a projection's document, kept in other collections: the
 * engine derives them from the document before and after each batch and writes only the
 * difference, in the same transaction. For read models that one document per event cannot serve
 * (the effective rights of every folder, which a change on one folder reshapes below it).
 */
export interface DerivedDocuments<Doc extends Document = Document> {
  collections: { name: string; indexes: IndexSpec[] }[];
  /** every derived document of `doc`, each with the collection it goes to */
  derive(doc: Doc): Array<{ collection: string; doc: Document }>;
}

export interface Projection<Doc extends Document = Document> {
  /** stable name: the checkpoint's id and the rebuild CLI's argument */
  name: string;
  collection: string;
  indexes: IndexSpec[];
  handles: ReadonlySet<string>;
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
