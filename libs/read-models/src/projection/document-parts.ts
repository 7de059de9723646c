import type { Document, ReadStoreTransaction } from '@dossiers/read-store';
import type { DocumentParts, Projection } from './projection';

/**
 * How a projection's documents are stored when it declares `parts` (projection.ts): the head (the
 * document without the field, with the keys of its entries in PART_KEYS) in the projection's
 * collection, and each entry of the field as a part of its own. Everything that reads or writes
 * the stored documents goes through here: the engine, the folds of the time travel, and any reader
 * that wants a whole document (loadDocuments).
 */
export const PART_KEYS = '_parts';

export interface PartDoc extends Document {
  /** the entry of the field this part holds */
  value: unknown;
}

/** Reads collections: a read store, or one of its transactions. */
type Collections = Pick<ReadStoreTransaction, 'collection'>;

export const partId = (documentId: string, key: string): string => `${documentId}:${key}`;

function entriesOf({ field }: DocumentParts, doc: Document): Record<string, unknown> | undefined {
  return doc[field] as Record<string, unknown> | undefined;
}

/** The head stored for `doc`: every field but the parted one, and the keys of its parts. */
function headOf(parts: DocumentParts, doc: Document): Document {
  const { [parts.field]: entries, ...rest } = doc;
  const head = rest as Document;
  if (entries === undefined) return head;
  // Sorted: a head written once and one rebuilt must be equal, whatever order the entries came in.
  return { ...head, [PART_KEYS]: Object.keys(entries as object).sort() };
}

/** `doc` as stored: its head and its parts (for a fold, which writes nothing but must look stored). */
export function storedForm(parts: DocumentParts, doc: Document): { head: Document; parts: PartDoc[] } {
  const entries = entriesOf(parts, doc) ?? {};
  return {
    head: headOf(parts, doc),
    parts: Object.keys(entries).map((key) => ({ _id: partId(doc._id, key), value: entries[key] })),
  };
}

/**
 * The whole documents of these ids (those found), as `evolve` and `derive` see them: the heads,
 * then their parts in one read. A head naming a part that is not stored is a broken store, never
 * a smaller document: it throws rather than hand on a model with folders missing. A document
 * stored whole (written before its projection declared `parts`: no PART_KEYS, the field inline)
 * is handed on as it is, its id added to `storedWhole`: DocumentWrites then stores it in parts.
 */
export async function loadDocuments(
  store: Collections,
  projection: Pick<Projection, 'collection' | 'parts'>,
  ids: string[],
  storedWhole?: Set<string>,
): Promise<Document[]> {
  const heads = await store.collection(projection.collection).findByIds(ids);
  const { parts } = projection;
  if (!parts || heads.length === 0) return heads;
  const wanted = heads.flatMap((head) => keysOf(head).map((key) => partId(head._id, key)));
  const found = new Map<string, unknown>();
  if (wanted.length > 0)
    for (const part of await store.collection<PartDoc>(parts.collection).findByIds(wanted))
      found.set(part._id, part.value);
  return heads.map((head) => {
    const keys = head[PART_KEYS];
    if (!Array.isArray(keys)) {
      if (head[parts.field] !== undefined) storedWhole?.add(head._id);
      return head;
    }
    const { [PART_KEYS]: _keys, ...doc } = head;
    const entries: Record<string, unknown> = {};
    for (const key of keys as string[]) {
      const id = partId(head._id, key);
      if (!found.has(id)) throw new Error(`${parts.collection}: part ${id} of ${head._id} is missing`);
      entries[key] = found.get(id);
    }
    return { ...doc, [parts.field]: entries } as Document;
  });
}

const keysOf = (head: Document): string[] =>
  Array.isArray(head[PART_KEYS]) ? (head[PART_KEYS] as string[]) : [];

/**
 * A batch's writes to a projection's own documents: whole documents, or heads and the parts whose
 * entry is not the very value loaded (an evolve that shares what it leaves unchanged writes only
 * what it changed: one right set on a 10,000-folder client writes one part of sixteen).
 */
export class DocumentWrites {
  private readonly upserts: Document[] = [];
  private readonly deletes: string[] = [];
  private readonly partUpserts: PartDoc[] = [];
  private readonly partDeletes: string[] = [];
  /** documents written or deleted */
  changed = 0;

  /** `storedWhole`: the ids loadDocuments found stored whole, whose parts are not stored yet */
  constructor(
    private readonly projection: Pick<Projection, 'collection' | 'parts'>,
    private readonly storedWhole: ReadonlySet<string> = new Set(),
  ) {}

  /** `before` as loaded (null: none stored), `after` what to store (null: delete it). */
  change(id: string, loaded: Document | null, after: Document | null): void {
    this.changed++;
    const { parts } = this.projection;
    if (!parts) {
      if (after) this.upserts.push(after);
      else this.deletes.push(id);
      return;
    }
    // Stored whole: no part of it is stored, so every part and the head are written.
    const before = loaded && !this.storedWhole.has(id) ? loaded : null;
    const was = before ? (entriesOf(parts, before) ?? {}) : {};
    const now = after ? (entriesOf(parts, after) ?? {}) : {};
    for (const key of Object.keys(now))
      if (now[key] !== was[key]) this.partUpserts.push({ _id: partId(id, key), value: now[key] });
    for (const key of Object.keys(was)) if (!(key in now)) this.partDeletes.push(partId(id, key));
    if (!after) this.deletes.push(id);
    else if (!before || !sameHead(parts, before, after)) this.upserts.push(headOf(parts, after));
  }

  async write(tx: ReadStoreTransaction): Promise<void> {
    const collection = tx.collection(this.projection.collection);
    await collection.upsertMany(this.upserts);
    if (this.deletes.length > 0) await collection.deleteMany({ _id: { $in: this.deletes } });
    const { parts } = this.projection;
    if (!parts) return;
    const stored = tx.collection(parts.collection);
    if (this.partUpserts.length > 0) await stored.upsertMany(this.partUpserts);
    if (this.partDeletes.length > 0) await stored.deleteMany({ _id: { $in: this.partDeletes } });
  }
}

/**
 * Whether the heads stored for two documents are the same, by reference: evolve keeps what it
 * does not change (a right set on a folder keeps the principals), so a changed part alone leaves
 * the head (the principals of a 1,000-member client, ~100 KB) unwritten.
 */
function sameHead(parts: DocumentParts, before: Document, after: Document): boolean {
  const keys = Object.keys(after);
  if (keys.length !== Object.keys(before).length) return false;
  for (const key of keys)
    if (key !== parts.field && (!(key in before) || before[key] !== after[key])) return false;
  const [was, now] = [entriesOf(parts, before), entriesOf(parts, after)];
  if (was === now) return true;
  if (!was || !now) return false;
  const nowKeys = Object.keys(now);
  return nowKeys.length === Object.keys(was).length && nowKeys.every((key) => key in was);
}
