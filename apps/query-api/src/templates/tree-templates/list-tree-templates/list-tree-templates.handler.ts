import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { TREE_TEMPLATES_COLLECTION, type TreeTemplateDoc } from '@dossiers/read-models';
import { listTemplates, summaryOf } from '../../template-reads';
import { ListTreeTemplatesQuery } from './list-tree-templates.query';

@QueryHandler(ListTreeTemplatesQuery)
export class ListTreeTemplatesHandler implements IQueryHandler<ListTreeTemplatesQuery> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ principal }: ListTreeTemplatesQuery) {
    const docs = await listTemplates<TreeTemplateDoc>(
      this.readStore,
      TREE_TEMPLATES_COLLECTION,
      principal.tenant,
    );
    const items = docs.map((d) => ({ ...summaryOf(d), foldersCount: d.foldersCount }));
    return { items, total: docs.length };
  }
}
