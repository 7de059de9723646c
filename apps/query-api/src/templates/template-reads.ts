import { NotFoundError } from '@dossiers/domain';
import type { ReadStore, Sort } from '@dossiers/read-store';
import type { TemplateDocBase } from '@dossiers/read-models';

/** What every template route shows of a template. */
export interface TemplateSummary {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

/** A template list with its length. */
export interface TemplateList<Item> {
  items: (TemplateSummary & Item)[];
  total: number;
}

const BY_NAME: Sort = [
  ['nameSort', 1],
  ['_id', 1],
];

export const summaryOf = (doc: TemplateDocBase): TemplateSummary => ({
  id: doc._id,
  name: doc.name,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

/** A firm keeps a handful of templates of each kind: the list is whole, sorted by name. */
export function listTemplates<D extends TemplateDocBase>(
  readStore: ReadStore,
  collection: string,
  tenant: string,
): Promise<D[]> {
  return readStore.collection<D>(collection).find({ tenant }, { sort: BY_NAME });
}

/** Another firm's template answers 404, exactly like a missing one. */
export async function findTemplate<D extends TemplateDocBase>(
  readStore: ReadStore,
  collection: string,
  kind: string,
  tenant: string,
  id: string,
): Promise<D> {
  const doc = await readStore.collection<D>(collection).findById(id);
  if (!doc || doc.tenant !== tenant) throw new NotFoundError(kind, id);
  return doc;
}
