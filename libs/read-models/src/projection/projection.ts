import type { RecordedEvent } from '@dossiers/events';
import type { Document, IndexSpec } from '@dossiers/read-store';

/**
 * A read model: one collection, kept by a pure evolve over the events it handles. The engine
 * finds the document an event touches, hands it to `evolve` (null when absent) and stores the
 * result (null deletes it). Nothing here does I/O, so every read model can be rebuilt from 0.
 */
export interface Projection<Doc extends Document = Document> {
  /** stable name: the checkpoint's id and the rebuild CLI's argument */
  name: string;
  collection: string;
  indexes: IndexSpec[];
  handles: ReadonlySet<string>;
  /** the id of the document this event changes */
  documentId(event: RecordedEvent): string;
  evolve(doc: Doc | null, event: RecordedEvent): Doc | null;
}

export function defineProjection<Doc extends Document>(projection: Projection<Doc>): Projection<Doc> {
  return projection;
}
