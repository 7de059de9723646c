import { Inject, Injectable } from '@nestjs/common';
import { nestTreeFolders, NotFoundError } from '@dossiers/domain';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import {
  FORM_TEMPLATES_COLLECTION,
  SHEET_TEMPLATES_COLLECTION,
  TREE_TEMPLATES_COLLECTION,
  type FormTemplateDoc,
  type SheetTemplateDoc,
  type TemplateDocBase,
  type TreeTemplateDoc,
} from '@dossiers/read-models';

const BY_NAME: [string, 1][] = [
  ['nameSort', 1],
  ['_id', 1],
];

const summary = (doc: TemplateDocBase) => ({
  id: doc._id,
  name: doc.name,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

/** The firm's templates, from the read models only, always scoped to the caller's tenant. */
@Injectable()
export class TemplateQueries {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  /** A firm keeps a handful of templates of each kind: the list is whole, sorted by name. */
  private async list<D extends TemplateDocBase>(collection: string, tenant: string): Promise<D[]> {
    return this.readStore.collection<D>(collection).find({ tenant }, { sort: BY_NAME });
  }

  /** Another firm's template answers 404, exactly like a missing one. */
  private async get<D extends TemplateDocBase>(collection: string, kind: string, tenant: string, id: string) {
    const doc = await this.readStore.collection<D>(collection).findById(id);
    if (!doc || doc.tenant !== tenant) throw new NotFoundError(kind, id);
    return doc;
  }

  async sheetTemplates(tenant: string) {
    const docs = await this.list<SheetTemplateDoc>(SHEET_TEMPLATES_COLLECTION, tenant);
    return { items: docs.map((d) => ({ ...summary(d), fieldsCount: d.fields.length })), total: docs.length };
  }

  async sheetTemplate(tenant: string, id: string) {
    const doc = await this.get<SheetTemplateDoc>(SHEET_TEMPLATES_COLLECTION, 'sheet template', tenant, id);
    return { ...summary(doc), fields: doc.fields, revision: doc.revision };
  }

  async treeTemplates(tenant: string) {
    const docs = await this.list<TreeTemplateDoc>(TREE_TEMPLATES_COLLECTION, tenant);
    return { items: docs.map((d) => ({ ...summary(d), foldersCount: d.foldersCount })), total: docs.length };
  }

  /** `folders` flat (parents first) and `tree` nested: the "Voir" preview. */
  async treeTemplate(tenant: string, id: string) {
    const doc = await this.get<TreeTemplateDoc>(TREE_TEMPLATES_COLLECTION, 'tree template', tenant, id);
    return {
      ...summary(doc),
      foldersCount: doc.foldersCount,
      folders: doc.folders,
      tree: nestTreeFolders(doc.folders),
      revision: doc.revision,
    };
  }

  async formTemplates(tenant: string) {
    const docs = await this.list<FormTemplateDoc>(FORM_TEMPLATES_COLLECTION, tenant);
    const items = docs.map((d) => ({
      ...summary(d),
      sectionsCount: d.sections.length,
      questionsCount: d.sections.reduce((count, section) => count + section.questions.length, 0),
    }));
    return { items, total: docs.length };
  }

  async formTemplate(tenant: string, id: string) {
    const doc = await this.get<FormTemplateDoc>(FORM_TEMPLATES_COLLECTION, 'form template', tenant, id);
    return { ...summary(doc), sections: doc.sections, revision: doc.revision };
  }
}
